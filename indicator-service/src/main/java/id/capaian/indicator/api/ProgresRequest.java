package id.capaian.indicator.api;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Violations;
import id.capaian.indicator.domain.IndicatorRules;
import id.capaian.indicator.domain.ProgresSpec;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One sub kegiatan's physical progress in a bulk request. */
@Schema(name = "ProgresRequest", example = "{\"kode\": \"2.08.02.2.01.0001\", \"persen\": 45.5}")
public record ProgresRequest(
        @Schema(required = true, description = "Sub kegiatan code", example = "2.08.02.2.01.0001") String kode,
        @Schema(required = true, implementation = BigDecimal.class, minimum = "0", maximum = "100",
                description = "Physical progress by the end of that month, percent, a JSON number, at most 2 decimals",
                example = "45.5")
        JsonNode persen) {

    ProgresSpec toSpec(Violations v, String field) {
        Kode k = IndicatorRules.subKegiatan(v, field + ".kode", kode);
        BigDecimal p = PersenRequest.persen(v, field + ".persen", persen);
        return new ProgresSpec(k, p);
    }
}
