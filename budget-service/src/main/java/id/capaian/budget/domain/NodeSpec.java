package id.capaian.budget.domain;

import id.capaian.core.domain.Kode;
import java.math.BigDecimal;

/**
 * A validated node of a bulk upsert. {@code uraian} is stripped; {@code pagu} is set on a sub kegiatan and null
 * above it; {@code paguMurni} null: not sent (a new node takes its pagu, a stored one keeps its own);
 * {@code renstra} null: not sent (the stored values stay), else the values to set (each may be null).
 */
public record NodeSpec(Kode kode, String uraian, BigDecimal pagu, BigDecimal paguMurni, Renstra renstra) {
}
