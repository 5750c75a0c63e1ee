package id.capaian.budget.api;

import id.capaian.budget.domain.RealisasiSpec;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JumlahRequest", description = "Cumulative realization to the end of the month (rupiah)")
public record JumlahRequest(
        @Schema(required = true, description = "Rupiah, >= 0, at most 2 decimals, not above the pagu", example = "55926300.00")
        BigDecimal jumlah) {

    /** The realization of the sub kegiatan of the path. */
    RealisasiSpec toSpec(Violations v, Kode kode) {
        return new RealisasiSpec(kode, Rules.rupiah(v, "jumlah", jumlah));
    }
}
