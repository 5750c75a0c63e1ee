package id.capaian.indicator.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.capaian.core.domain.Capaian;
import id.capaian.indicator.domain.Indicator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The data of an {@code indicator.realization-updated} event: the indicator's full current state
 * (docs/CONTRACTS.md; schema META-INF/schemas/indicator.realization-updated.schema.json).
 * {@code realisasi}, {@code bulan}, {@code capaian} and {@code predikat} are those of the latest month
 * reported, null when none (or when capaian is undefined); {@code bulanan} is the whole series.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IndicatorRealizationUpdated(
        String pemda, int tahun, String opd, String kode, int nomor,
        String nama, String satuan, String polaritas, String rumus,
        BigDecimal target, BigDecimal realisasi, Integer bulan, BigDecimal capaian, String predikat,
        List<Bulanan> bulanan, boolean removed) {

    public static final String TYPE = "indicator.realization-updated";

    /** One month of the series. */
    public record Bulanan(int bulan, BigDecimal nilai) {
    }

    public static IndicatorRealizationUpdated of(Indicator i) {
        var latest = i.latest(null);
        BigDecimal realisasi = latest.map(Map.Entry::getValue).map(IndicatorRealizationUpdated::plain).orElse(null);
        var capaian = latest.flatMap(e -> i.capaian(e.getValue()));
        return new IndicatorRealizationUpdated(i.pemda, i.tahun, i.opd, i.kode, i.nomor, i.nama, i.satuan,
                i.polaritas, i.rumus, plain(i.target), realisasi, latest.map(Map.Entry::getKey).orElse(null),
                capaian.map(Capaian::persen).orElse(null), capaian.map(c -> c.predikat().label()).orElse(null),
                i.realisasi.entrySet().stream().map(e -> new Bulanan(e.getKey(), plain(e.getValue()))).toList(),
                i.removed);
    }

    /** numeric(20,4) without its padding: 65, 27.54. */
    static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
