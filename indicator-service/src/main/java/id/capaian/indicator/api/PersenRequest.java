package id.capaian.indicator.api;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.core.domain.Violations;
import id.capaian.indicator.domain.IndicatorRules;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A physical progress as JSON. {@code persen} is read as it came (a JSON number, or anything else) so that
 * a wrong value is refused with 422 naming the field, like a number out of range, rather than as
 * unreadable JSON.
 */
@Schema(name = "PersenRequest", example = "{\"persen\": 45.5}")
public record PersenRequest(
        @Schema(required = true, implementation = BigDecimal.class, minimum = "0", maximum = "100",
                description = "Physical progress of the work by the end of that month, percent, a JSON number, at most 2 decimals",
                example = "45.5")
        JsonNode persen) {

    /** A JSON value as a progress percent (0..100, 2 decimals at most, at scale 2), its fault recorded in {@code v}. */
    static BigDecimal persen(Violations v, String field, JsonNode value) {
        if (value != null && !value.isNull() && !value.isNumber()) {
            v.add(field, "harus angka JSON 0 sampai 100 (contoh 45.5)");
            return null;
        }
        return IndicatorRules.persen(v, field, value == null || value.isNull() ? null : value.decimalValue());
    }
}
