package id.capaian.budget.domain;

import id.capaian.core.domain.Kode;
import java.math.BigDecimal;

/** A validated cumulative realization of a sub kegiatan to the end of the month of the request (rupiah). */
public record RealisasiSpec(Kode kode, BigDecimal jumlah) {
}
