package id.capaian.indicator.domain;

import id.capaian.core.domain.Kode;
import java.math.BigDecimal;

/** A validated realization of one indicator for the month of the request. */
public record RealisasiSpec(Kode kode, int nomor, BigDecimal nilai) {
}
