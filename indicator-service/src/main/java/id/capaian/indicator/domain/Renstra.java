package id.capaian.indicator.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An indicator's Renstra PD values (Formulir E.81 columns 5 and 6, K): the target at the end of the
 * Renstra period and the realization achieved up to last year's Renja. Each may be null; an indicator
 * without either has no Renstra (null, never this record with two nulls).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Renstra", description = "Renstra PD values of an indicator (Formulir E.81 columns 5 and 6, K)",
        example = "{\"target\": 90, \"realisasiSebelumnya\": 70}")
public record Renstra(
        @Schema(nullable = true, minimum = "0", maximum = "1000000000000000", exclusiveMaximum = true,
                description = "Renstra PD target at the end of the Renstra period, at most 4 decimals", example = "90")
        BigDecimal target,
        @Schema(nullable = true, minimum = "0", maximum = "1000000000000000", exclusiveMaximum = true,
                description = "Renstra realisasi up to last year's Renja, at most 4 decimals", example = "70")
        BigDecimal realisasiSebelumnya) {

    /** The Renstra of two stored values, null when both are. */
    public static Renstra of(BigDecimal target, BigDecimal realisasiSebelumnya) {
        return target == null && realisasiSebelumnya == null ? null : new Renstra(target, realisasiSebelumnya);
    }

    /** Without numeric(20,4)'s padding: 90, 70.5. */
    public Renstra plain() {
        return new Renstra(Indicator.plain(target), Indicator.plain(realisasiSebelumnya));
    }
}
