package id.capaian.indicator.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A realization value as JSON. */
@Schema(name = "NilaiRequest", example = "{\"nilai\": 27.54}")
public record NilaiRequest(
        @Schema(required = true, minimum = "0", maximum = "1000000000000000", exclusiveMaximum = true,
                description = "Value reached by the end of that month, a JSON number, at most 4 decimals",
                example = "27.54")
        BigDecimal nilai) {
}
