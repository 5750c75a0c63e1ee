package id.capaian.indicator.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.capaian.core.domain.Capaian;
import id.capaian.indicator.domain.Indicator;
import id.capaian.indicator.domain.Renstra;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The data of an {@code indicator.realization-updated} event, schema version 2: the indicator's full
 * current state (docs/CONTRACTS.md; schema META-INF/schemas/indicator.realization-updated.v2.schema.json,
 * named in the envelope's {@code dataschema}). {@code realisasi}, {@code bulan}, {@code capaian} and
 * {@code predikat} are those of the latest month reported, null when none (or when capaian is undefined);
 * {@code bulanan} is the whole series. Version 2 adds {@code agregasi}, {@code renstra} (null when none) and
 * the node's {@code sasaran} (null when none) to every field of version 1.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IndicatorRealizationUpdated(
        String pemda, int tahun, String opd, String kode, int nomor,
        String nama, String satuan, String polaritas, String rumus,
        BigDecimal target, BigDecimal realisasi, Integer bulan, BigDecimal capaian, String predikat,
        List<Bulanan> bulanan, boolean removed,
        String agregasi, Renstra renstra, String sasaran) {

    public static final String TYPE = "indicator.realization-updated";
    /** The envelope's dataschema of version 2 (version 1 had none). */
    public static final String DATASCHEMA = "https://capaian.id/schemas/indicator.realization-updated.v2.schema.json";

    /** One month of the series. */
    public record Bulanan(int bulan, BigDecimal nilai) {
    }

    public static IndicatorRealizationUpdated of(Indicator i) {
        var latest = i.latest(null);
        BigDecimal realisasi = latest.map(Map.Entry::getValue).map(Indicator::plain).orElse(null);
        var capaian = latest.flatMap(e -> i.capaian(e.getValue()));
        Renstra renstra = i.renstra();
        return new IndicatorRealizationUpdated(i.pemda, i.tahun, i.opd, i.kode, i.nomor, i.nama, i.satuan,
                i.polaritas, i.rumus, Indicator.plain(i.target), realisasi, latest.map(Map.Entry::getKey).orElse(null),
                capaian.map(Capaian::persen).orElse(null), capaian.map(c -> c.predikat().label()).orElse(null),
                i.realisasi.entrySet().stream().map(e -> new Bulanan(e.getKey(), Indicator.plain(e.getValue()))).toList(),
                i.removed, i.agregasi, renstra == null ? null : renstra.plain(), i.sasaran);
    }
}
