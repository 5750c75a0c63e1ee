package id.capaian.indicator.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A realization value as JSON. */
@Schema(name = "NilaiRequest", example = "{\"nilai\": 27.54}")
public record NilaiRequest(
        @Schema(required = true, minimum = "0", maximum = "1000000000000000", exclusiveMaximum = true,
                description = "Nilai yang dicapai sampai akhir bulan itu, angka JSON, paling banyak 4 desimal",
                example = "27.54")
        BigDecimal nilai) {
}
