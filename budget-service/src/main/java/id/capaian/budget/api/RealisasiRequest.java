package id.capaian.budget.api;

import id.capaian.budget.domain.RealisasiSpec;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RealisasiRequest", description = "The cumulative realization of one sub kegiatan to the end of the month")
public record RealisasiRequest(
        @Schema(required = true, description = "Sub kegiatan code", example = "2.08.02.2.01.0003") String kode,
        @Schema(required = true, description = "Rupiah, >= 0, at most 2 decimals, not above the pagu", example = "55926300.00")
        BigDecimal jumlah) {

    /** The items of a bulk write (fields {@code [i].kode}), one spec each when {@code v} records no fault. */
    static List<RealisasiSpec> toSpecs(Violations v, List<RealisasiRequest> items) {
        Fields.Unique codes = new Fields.Unique();
        List<RealisasiSpec> specs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String f = "[" + i + "]";
            RealisasiRequest item = items.get(i);
            if (v.check(item != null, f, "wajib diisi")) {
                Kode k = Fields.subKegiatan(v, f + ".kode", Fields.kode(v, f + ".kode", item.kode()), "realisasi");
                k = codes.once(v, f + ".kode", k, i);
                specs.add(new RealisasiSpec(k, Rules.rupiah(v, f + ".jumlah", item.jumlah())));
            }
        }
        return specs;
    }
}
