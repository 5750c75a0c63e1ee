package id.capaian.indicator.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One month of a sub kegiatan's physical progress series. */
@Schema(name = "ProgresBulan", example = "{\"bulan\": 6, \"persen\": 45.50}")
public record ProgresBulan(
        @Schema(minimum = "1", maximum = "12", example = "6") int bulan,
        @Schema(minimum = "0", maximum = "100", description = "Physical progress by the end of that month, percent, 2 decimals",
                example = "45.50") BigDecimal persen) {
}
