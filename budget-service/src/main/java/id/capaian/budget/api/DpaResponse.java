package id.capaian.budget.api;

import id.capaian.budget.domain.Tree;
import id.capaian.core.domain.DpaRef;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Dpa", description = "A DPA as a tree (urusan -> program -> kegiatan -> sub kegiatan) with its sums")
public record DpaResponse(
        @Schema(example = "63.10") String pemda,
        @Schema(example = "2024") int tahun,
        @Schema(example = "P3AP2KB") String opd,
        @Schema(nullable = true, description = "The month asked for (?bulan=); null: the latest reported", example = "12")
        Integer bulan,
        @Schema(description = "Sums over the whole DPA") Amounts total,
        @Schema(description = "Urusan in code order") List<NodeResponse> urusan) {

    static DpaResponse of(DpaRef ref, Integer bulan, Tree tree) {
        return new DpaResponse(ref.pemda(), ref.tahun(), ref.opd(), bulan, Amounts.of(tree.pagu(), tree.paguMurni(), tree.realisasi()),
                tree.urusan().stream().map(u -> NodeResponse.of(u, false)).toList());
    }
}
