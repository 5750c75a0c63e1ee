package id.capaian.indicator.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One month of an indicator's realization series. */
@Schema(name = "RealisasiBulan", example = "{\"bulan\": 12, \"nilai\": 27.54}")
public record RealisasiBulan(
        @Schema(minimum = "1", maximum = "12", example = "12") int bulan,
        @Schema(description = "Value reached by the end of that month", example = "27.54") BigDecimal nilai) {
}
