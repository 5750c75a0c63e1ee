package id.capaian.report.domain;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import java.math.BigDecimal;

/** A sub kegiatan as its latest budget.realization-updated event states it. */
public record BudgetLeaf(Dpa dpa, Kode kode, String uraian, String kegiatanUraian, String programUraian,
        BigDecimal pagu, BigDecimal[] realisasi, boolean removed) {

    public static final String TYPE = "budget.realization-updated";

    /** Reads and checks an event's data; malformed data is refused (and dead-lettered). */
    public static BudgetLeaf from(JsonNode d) {
        Kode kode = Kode.parse(Fields.text(d, "kode"))
                .filter(k -> k.level() == Level.SUB_KEGIATAN)
                .orElseThrow(() -> new IllegalArgumentException("kode is not a sub kegiatan code"));
        boolean removed = d.path("removed").asBoolean(false);
        BigDecimal pagu = removed && !d.path("pagu").isNumber() ? BigDecimal.ZERO : Fields.amount(d, "pagu");
        return new BudgetLeaf(Fields.dpa(d), kode, Fields.optionalText(d, "uraian"),
                Fields.optionalText(d.path("kegiatan"), "uraian"), Fields.optionalText(d.path("program"), "uraian"),
                pagu, Monthly.asOf(d.get("bulanan"), "jumlah", BigDecimal.ZERO), removed);
    }
}
