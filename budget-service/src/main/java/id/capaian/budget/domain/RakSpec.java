package id.capaian.budget.domain;

import id.capaian.core.domain.Kode;
import java.math.BigDecimal;
import java.util.List;

/** A validated cash plan of a sub kegiatan: exactly 12 rupiah amounts, planned spending in each month. */
public record RakSpec(Kode kode, List<BigDecimal> bulan) {
}
