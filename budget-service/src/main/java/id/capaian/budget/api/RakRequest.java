package id.capaian.budget.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The documented shape of a cash plan; the body is read by {@link RakBody} so that every fault names its item. */
@Schema(name = "RakRequest", description = "The cash plan of a sub kegiatan: planned spending in each month (not cumulative)")
public record RakRequest(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = BigDecimal.class, minItems = 12, maxItems = 12,
                description = "Exactly 12 rupiah amounts, January first, each >= 0, at most 2 decimals, < 10^15",
                example = "[0, 5000000, 5000000, 6000000, 6000000, 6000000, 7000000, 7000000, 7000000, 8000000, 8000000, 8810300]")
        List<BigDecimal> bulan) {
}
