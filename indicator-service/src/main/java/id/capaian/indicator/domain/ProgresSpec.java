package id.capaian.indicator.domain;

import id.capaian.core.domain.Kode;
import java.math.BigDecimal;

/** A validated physical progress of one sub kegiatan for the month of the request (percent, scale 2). */
public record ProgresSpec(Kode kode, BigDecimal persen) {
}
