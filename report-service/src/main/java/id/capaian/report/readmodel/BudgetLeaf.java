package id.capaian.report.readmodel;


import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import java.math.BigDecimal;

/**
 * A sub kegiatan as its latest budget.realization-updated event states it. {@code paguMurni} is the
 * ceiling of the original APBD (the pagu itself in events of the first schema version); {@code rak}
 * the cash plan, twelve amounts planned in each month, or null when none was entered.
 */
public record BudgetLeaf(DpaRef dpa, Kode kode, String uraian, String kegiatanUraian, String programUraian,
        BigDecimal paguMurni, BigDecimal pagu, BigDecimal[] realisasi, BigDecimal[] rak, boolean removed) {

    public static final String TYPE = "budget.realization-updated";

    /** Reads and checks an event's data; malformed data is refused (and dead-lettered). */
    public static BudgetLeaf from(JsonNode d) {
        Kode kode = Kode.parse(Fields.text(d, "kode"))
                .filter(k -> k.level() == Level.SUB_KEGIATAN)
                .orElseThrow(() -> new IllegalArgumentException("kode is not a sub kegiatan code"));
        boolean removed = d.path("removed").asBoolean(false);
        BigDecimal pagu = removed && !d.path("pagu").isNumber() ? BigDecimal.ZERO : Fields.amount(d, "pagu");
        BigDecimal murni = d.path("paguMurni").isNumber() ? Fields.amount(d, "paguMurni") : pagu;
        return new BudgetLeaf(Fields.dpa(d), kode, Fields.optionalText(d, "uraian"),
                Fields.optionalText(d.path("kegiatan"), "uraian"), Fields.optionalText(d.path("program"), "uraian"),
                murni, pagu, Monthly.asOf(d.get("bulanan"), "jumlah", BigDecimal.ZERO), rak(d.get("rak")), removed);
    }

    /** The twelve planned amounts, or null when the event has no plan (or predates plans). */
    static BigDecimal[] rak(JsonNode rak) {
        if (rak == null || rak.isNull()) {
            return null;
        }
        if (!rak.isArray() || rak.size() != Monthly.MONTHS) {
            throw new IllegalArgumentException("rak must be an array of 12 amounts");
        }
        BigDecimal[] a = new BigDecimal[Monthly.MONTHS];
        for (int i = 0; i < a.length; i++) {
            JsonNode m = rak.get(i);
            if (!m.isNumber() || m.decimalValue().signum() < 0) {
                throw new IllegalArgumentException("rak[" + i + "] must be an amount >= 0");
            }
            a[i] = m.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        return a;
    }
}
