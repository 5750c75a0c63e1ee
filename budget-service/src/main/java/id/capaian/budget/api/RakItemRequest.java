package id.capaian.budget.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The documented shape of one cash plan of a bulk write; the body is read by {@link RakBody}. */
@Schema(name = "RakItemRequest", description = "The cash plan of one sub kegiatan of a bulk write")
public record RakItemRequest(
        @Schema(required = true, description = "Sub kegiatan code", example = "2.08.02.2.01.0003") String kode,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = BigDecimal.class, minItems = 12, maxItems = 12,
                description = "Exactly 12 rupiah amounts, January first, each >= 0, at most 2 decimals, < 10^15",
                example = "[0, 5000000, 5000000, 6000000, 6000000, 6000000, 7000000, 7000000, 7000000, 8000000, 8000000, 8810300]")
        List<BigDecimal> bulan) {
}
