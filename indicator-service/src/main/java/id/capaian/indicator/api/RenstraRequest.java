package id.capaian.indicator.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator's Renstra PD values as the client states them (Formulir E.81 columns 5 and 6, K). */
@Schema(name = "RenstraRequest", description = "Renstra PD values of an indicator; both may be null",
        example = "{\"target\": 90, \"realisasiSebelumnya\": 70}")
public record RenstraRequest(
        @Schema(nullable = true, minimum = "0", maximum = "1000000000000000", exclusiveMaximum = true,
                description = "Renstra PD target at the end of the Renstra period, a JSON number, at most 4 decimals",
                example = "90")
        BigDecimal target,
        @Schema(nullable = true, minimum = "0", maximum = "1000000000000000", exclusiveMaximum = true,
                description = "Renstra realisasi up to last year's Renja, a JSON number, at most 4 decimals",
                example = "70")
        BigDecimal realisasiSebelumnya) {
}
