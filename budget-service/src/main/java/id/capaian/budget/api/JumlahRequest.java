package id.capaian.budget.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JumlahRequest", description = "Cumulative realization to the end of the month (rupiah)")
public record JumlahRequest(
        @Schema(required = true, description = "Rupiah, >= 0, at most 2 decimals, not above the pagu", example = "55926300.00")
        BigDecimal jumlah) {
}
