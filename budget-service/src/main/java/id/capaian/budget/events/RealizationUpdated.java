package id.capaian.budget.events;

import id.capaian.budget.domain.Renstra;
import java.math.BigDecimal;
import java.util.List;

/**
 * The data of a {@code budget.realization-updated} event, data schema version 2: the full current state of
 * one sub kegiatan (docs/CONTRACTS.md). {@code realisasi} and {@code bulan} are those of the latest month
 * reported (0.00 and null when none); {@code bulanan} is the whole cumulative series; {@code rak} the cash plan
 * (12 amounts spent in each month, null when none); {@code renstra} the entered Renstra money (null when none).
 * Schema: META-INF/schemas/budget.realization-updated.v2.schema.json (version 1, without paguMurni, rak and
 * renstra: budget.realization-updated.schema.json).
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
        BigDecimal paguMurni,
        BigDecimal realisasi,
        Integer bulan,
        List<Bulanan> bulanan,
        List<BigDecimal> rak,
        Renstra renstra,
        boolean removed) {

    public static final String TYPE = "budget.realization-updated";
    public static final String DATASCHEMA = "https://capaian.id/schemas/budget.realization-updated.v2.schema.json";

    /** The code, name and Renstra money (null when none) of an ancestor (kegiatan, program). */
    public record Ref(String kode, String uraian, Renstra renstra) {
    }

    /** One month of the cumulative series. */
    public record Bulanan(int bulan, BigDecimal jumlah) {
    }
}
