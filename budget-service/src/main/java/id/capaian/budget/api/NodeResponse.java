package id.capaian.budget.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.capaian.budget.domain.Tree;
import id.capaian.core.domain.Level;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Node", description = "A node with its sums. pagu, paguMurni and realisasi of a kegiatan, program or urusan are the "
        + "sums of its sub kegiatan; capaianKeuangan = realisasi / pagu x 100 (half-up, 2 decimals), null when the pagu "
        + "is 0; sisa = pagu - realisasi.", requiredProperties = {"kode", "level", "uraian", "pagu", "paguMurni", "realisasi",
                "capaianKeuangan", "sisa", "renstra", "children"})
public record NodeResponse(
        @Schema(example = "2.08.02.2.01.0003") String kode,
        @Schema(example = "SUB_KEGIATAN") Level level,
        @Schema(nullable = true, description = "Name; null for an urusan that is only implied by its programs' codes",
                example = "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG") String uraian,
        @Schema(example = "73810300.00") BigDecimal pagu,
        @Schema(description = "Pagu murni (the original APBD ceiling); above a sub kegiatan the sum of its sub kegiatan",
                example = "73810300.00") BigDecimal paguMurni,
        @Schema(example = "55926300.00") BigDecimal realisasi,
        @Schema(nullable = true, example = "75.77") BigDecimal capaianKeuangan,
        @Schema(example = "17884000.00") BigDecimal sisa,
        @Schema(nullable = true, description = "The node's own entered Renstra money (never summed); null when none")
        RenstraRequest renstra,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Sub kegiatan only: the month of realisasi (the latest reported, as of the month asked)",
                example = "12") Integer bulan,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Sub kegiatan only: the version of its latest event", example = "3") Long version,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Sub kegiatan only, on a single node: the monthly cumulative series") List<BulananResponse> bulanan,
        @Schema(description = "Children in code order (empty for a sub kegiatan)") List<NodeResponse> children) {

    static NodeResponse of(Tree.Branch b, boolean withSeries) {
        boolean leaf = b.level() == Level.SUB_KEGIATAN;
        return new NodeResponse(b.kode().value(), b.level(), b.uraian(), b.pagu(), b.paguMurni(), b.realisasi(),
                Amounts.capaian(b.pagu(), b.realisasi()), b.pagu().subtract(b.realisasi()), RenstraRequest.of(b.renstra()),
                b.bulan(), b.version(),
                leaf && withSeries ? b.bulanan().stream().map(BulananResponse::of).toList() : null,
                b.children().stream().map(c -> of(c, false)).toList());
    }
}
