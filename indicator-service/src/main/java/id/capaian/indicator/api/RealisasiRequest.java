package id.capaian.indicator.api;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Violations;
import id.capaian.indicator.domain.IndicatorRules;
import id.capaian.indicator.domain.RealisasiSpec;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator's realization in a bulk request. */
@Schema(name = "RealisasiRequest", example = "{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 27.54}")
public record RealisasiRequest(
        @Schema(required = true, example = "2.08.02") String kode,
        @Schema(required = true, minimum = "1", example = "1") Integer nomor,
        @Schema(required = true, minimum = "0", maximum = "1000000000000000", exclusiveMaximum = true,
                description = "Value reached by the end of that month, at most 4 decimals", example = "27.54")
        BigDecimal nilai) {

    RealisasiSpec toSpec(Violations v, String field) {
        Kode k = IndicatorRules.kode(v, field + ".kode", kode);
        boolean ok = IndicatorRules.nomor(v, field + ".nomor", nomor);
        BigDecimal n = IndicatorRules.nilai(v, field + ".nilai", nilai);
        return new RealisasiSpec(k, ok ? nomor : 0, n);
    }
}
