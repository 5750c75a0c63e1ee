package id.capaian.report.readmodel;


import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import java.math.BigDecimal;

/**
 * The physical progress of a sub kegiatan's work as its latest indicator.progres-updated event states it:
 * percent to the end of each month (the latest month reported up to it; null before the first report).
 */
public record ProgresState(DpaRef dpa, Kode kode, BigDecimal[] persen, boolean removed) {

    public static final String TYPE = "indicator.progres-updated";

    public static ProgresState from(JsonNode d) {
        Kode kode = Kode.parse(Fields.text(d, "kode"))
                .filter(k -> k.level() == Level.SUB_KEGIATAN)
                .orElseThrow(() -> new IllegalArgumentException("kode is not a sub kegiatan code"));
        BigDecimal[] persen = Monthly.asOf(d.get("bulanan"), "persen", null);
        for (BigDecimal p : persen) {
            if (p != null && (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0)) {
                throw new IllegalArgumentException("persen must be 0..100");
            }
        }
        return new ProgresState(Fields.dpa(d), kode, persen, d.path("removed").asBoolean(false));
    }

    /** The subject of a sub kegiatan's progress: {pemda}/{tahun}/{opd}/{kode}/progres. */
    public String subject() {
        return dpa.pemda() + "/" + dpa.tahun() + "/" + dpa.opd() + "/" + kode.value() + "/progres";
    }
}
