package id.capaian.budget.api;

import id.capaian.budget.domain.NodeSpec;
import id.capaian.budget.domain.Renstra;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NodeRequest", description = "A node of the DPA: program, kegiatan or sub kegiatan (an urusan only for its "
        + "name). Only a sub kegiatan has a pagu, and there it is required; paguMurni likewise, optional.")
public record NodeRequest(
        @Schema(required = true, description = "Nomenclature code; its number of parts gives the level",
                example = "2.08.02.2.01.0003") String kode,
        @Schema(required = true, description = "Name, not blank", example = "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG")
        String uraian,
        @Schema(description = "Pagu in force (rupiah, >= 0, at most 2 decimals, < 10^15); sub kegiatan only",
                example = "73810300.00") BigDecimal pagu,
        @Schema(description = "Pagu murni, the ceiling in the original APBD (rupiah); sub kegiatan only. Absent: a new "
                + "node takes its pagu, a stored node keeps its own (an amendment changes only pagu)",
                example = "73810300.00") BigDecimal paguMurni,
        @Schema(description = "The node's Renstra money (program, kegiatan or sub kegiatan). Absent: the stored values "
                + "stay; sent: both are set (null clears)") RenstraRequest renstra) {

    /** The items of a bulk upsert (fields {@code [i].kode}), one spec each when {@code v} records no fault. */
    static List<NodeSpec> toSpecs(Violations v, List<NodeRequest> items) {
        Fields.Unique codes = new Fields.Unique();
        List<NodeSpec> specs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String f = "[" + i + "]";
            NodeRequest item = items.get(i);
            if (v.check(item != null, f, "wajib diisi")) {
                specs.add(item.toSpec(v, f, codes.once(v, f + ".kode", Fields.kode(v, f + ".kode", item.kode()), i)));
            }
        }
        return specs;
    }

    /** This node under {@code kode} (null: its fault already recorded); pagu and paguMurni on a sub kegiatan only. */
    private NodeSpec toSpec(Violations v, String f, Kode kode) {
        String u = Fields.uraian(v, f + ".uraian", uraian);
        if (kode == null) {
            return null;
        }
        BigDecimal p = null;
        BigDecimal murni = null;
        String level = kode.level().name().toLowerCase();
        if (kode.level() == Level.SUB_KEGIATAN) {
            p = Rules.rupiah(v, f + ".pagu", pagu);
            murni = Fields.optionalRupiah(v, f + ".paguMurni", paguMurni);
        } else {
            v.check(pagu == null, f + ".pagu", "pagu hanya untuk sub kegiatan; jumlah " + level
                    + " dihitung dari sub kegiatannya");
            v.check(paguMurni == null, f + ".paguMurni", "pagu murni hanya untuk sub kegiatan; jumlah " + level
                    + " dihitung dari sub kegiatannya");
        }
        Renstra r = null;
        if (renstra != null && v.check(kode.level() != Level.URUSAN, f + ".renstra",
                "renstra untuk program, kegiatan atau sub kegiatan, bukan urusan")) {
            r = new Renstra(Fields.optionalRupiah(v, f + ".renstra.pagu", renstra.pagu()),
                    Fields.optionalRupiah(v, f + ".renstra.realisasiSebelumnya", renstra.realisasiSebelumnya()));
        }
        return new NodeSpec(kode, u, p, murni, r);
    }
}
