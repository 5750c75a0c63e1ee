package id.capaian.budget.api;

import id.capaian.budget.domain.Renstra;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Renstra", description = "A node's own Renstra money (Evaluasi Renja columns 5 and 6, Rp), entered, never "
        + "summed: the target at the end of the Renstra period and the realization up to last year's Renja")
public record RenstraRequest(
        @Schema(nullable = true, description = "Rupiah, >= 0, at most 2 decimals, < 10^15", example = "1000000000.00")
        BigDecimal pagu,
        @Schema(nullable = true, description = "Rupiah, >= 0, at most 2 decimals, < 10^15", example = "600000000.00")
        BigDecimal realisasiSebelumnya) {

    static RenstraRequest of(Renstra r) {
        return r == null ? null : new RenstraRequest(r.pagu(), r.realisasiSebelumnya());
    }
}
