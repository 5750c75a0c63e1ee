package id.capaian.indicator.api;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Violations;
import id.capaian.indicator.domain.IndicatorRules;
import id.capaian.indicator.domain.IndikatorSpec;
import id.capaian.indicator.domain.NodeSpec;
import id.capaian.indicator.domain.Sasaran;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A node and its complete indicator list. */
@Schema(name = "NodeRequest", description = "The complete list of a node's indicators; item i becomes nomor i+1, "
        + "indicators not in the list are removed.",
        example = """
                {"kode": "2.08.02", "indikator": [{"nama": "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten",
                 "satuan": "%", "polaritas": "positif", "target": 65}]}""")
public record NodeRequest(
        @Schema(required = true, description = "Nomenclature code of a program, kegiatan or sub kegiatan", example = "2.08.02")
        String kode,
        @Schema(required = true, description = "The complete list of this node's indicators (may be empty: all removed)")
        List<IndikatorRequest> indikator,
        @Schema(nullable = true, maxLength = Sasaran.MAX,
                description = "Sasaran of the program (Formulir E.81 column 2), programs only; absent means none",
                example = "Meningkatnya pengarusutamaan gender dalam pembangunan daerah")
        String sasaran) {

    NodeSpec toSpec(Violations v, String field) {
        Kode k = IndicatorRules.kode(v, field + ".kode", kode);
        List<IndikatorSpec> specs = new ArrayList<>();
        if (v.check(indikator != null, field + ".indikator", "wajib diisi (daftar, boleh kosong)")) {
            for (int i = 0; i < indikator.size(); i++) {
                String f = field + ".indikator[" + i + "]";
                if (v.check(indikator.get(i) != null, f, "wajib diisi")) {
                    specs.add(indikator.get(i).toSpec(v, f));
                }
            }
        }
        String s = IndicatorRules.sasaran(v, field + ".sasaran", sasaran, k);
        return new NodeSpec(k, specs, s);
    }
}
