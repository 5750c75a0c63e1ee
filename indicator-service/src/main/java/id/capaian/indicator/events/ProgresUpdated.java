package id.capaian.indicator.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.capaian.indicator.domain.Indicator;
import id.capaian.indicator.domain.ProgresSeri;
import java.math.BigDecimal;
import java.util.List;

/**
 * The data of an {@code indicator.progres-updated} event: the whole physical progress series of one sub
 * kegiatan, in month order (docs/CONTRACTS.md; schema META-INF/schemas/indicator.progres-updated.schema.json).
 * Subject {@code {pemda}/{tahun}/{opd}/{kode}/progres}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProgresUpdated(String pemda, int tahun, String opd, String kode, List<Bulanan> bulanan, boolean removed) {

    public static final String TYPE = "indicator.progres-updated";

    /** One month of the series: percent to the end of the month. */
    public record Bulanan(int bulan, BigDecimal persen) {
    }

    public static ProgresUpdated of(ProgresSeri s) {
        return new ProgresUpdated(s.key.pemda, s.key.tahun, s.key.opd, s.key.kode,
                s.persen.entrySet().stream().map(e -> new Bulanan(e.getKey(), Indicator.plain(e.getValue()))).toList(),
                false);
    }
}
