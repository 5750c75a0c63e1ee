package id.capaian.budget.api;

import id.capaian.core.domain.Capaian;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Amounts", description = "Sums of a DPA: pagu, paguMurni, realisasi, capaian keuangan (percent; null when the pagu is 0), sisa")
public record Amounts(
        @Schema(example = "3555368700.00") BigDecimal pagu,
        @Schema(example = "3555368700.00") BigDecimal paguMurni,
        @Schema(example = "3214176245.00") BigDecimal realisasi,
        @Schema(example = "90.40", nullable = true) BigDecimal capaianKeuangan,
        @Schema(example = "341192455.00") BigDecimal sisa) {

    static Amounts of(BigDecimal pagu, BigDecimal paguMurni, BigDecimal realisasi) {
        return new Amounts(pagu, paguMurni, realisasi, capaian(pagu, realisasi), pagu.subtract(realisasi));
    }

    static BigDecimal capaian(BigDecimal pagu, BigDecimal realisasi) {
        return Capaian.keuangan(pagu, realisasi).map(Capaian::persen).orElse(null);
    }
}
