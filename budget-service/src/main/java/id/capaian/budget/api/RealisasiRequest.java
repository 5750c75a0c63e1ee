package id.capaian.budget.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RealisasiRequest", description = "The cumulative realization of one sub kegiatan to the end of the month")
public record RealisasiRequest(
        @Schema(required = true, description = "Sub kegiatan code", example = "2.08.02.2.01.0003") String kode,
        @Schema(required = true, description = "Rupiah, >= 0, at most 2 decimals, not above the pagu", example = "55926300.00")
        BigDecimal jumlah) {
}
