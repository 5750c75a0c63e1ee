package id.capaian.budget.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * The data of a {@code budget.realization-updated} event: the full current state of one sub kegiatan
 * (docs/CONTRACTS.md). {@code realisasi} and {@code bulan} are those of the latest month reported
 * (0.00 and null when none); {@code bulanan} is the whole cumulative series.
 * Schema: META-INF/schemas/budget.realization-updated.schema.json.
 */
public record RealizationUpdated(
        String pemda,
        int tahun,
        String opd,
        String kode,
        String uraian,
        Ref kegiatan,
        Ref program,
        BigDecimal pagu,
        BigDecimal realisasi,
        Integer bulan,
        List<Bulanan> bulanan,
        boolean removed) {

    public static final String TYPE = "budget.realization-updated";

    /** The code and name of an ancestor (kegiatan, program). */
    public record Ref(String kode, String uraian) {
    }

    /** One month of the cumulative series. */
    public record Bulanan(int bulan, BigDecimal jumlah) {
    }
}
