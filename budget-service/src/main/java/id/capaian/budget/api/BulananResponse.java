package id.capaian.budget.api;

import id.capaian.budget.domain.Tree;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Bulanan", description = "Cumulative realization to the end of a month")
public record BulananResponse(
        @Schema(example = "12", minimum = "1", maximum = "12") int bulan,
        @Schema(example = "55926300.00") BigDecimal jumlah) {

    static BulananResponse of(Tree.Bulanan b) {
        return new BulananResponse(b.bulan(), b.jumlah());
    }
}
