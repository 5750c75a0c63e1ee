package id.capaian.indicator.api;

import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.Violations;
import id.capaian.indicator.domain.Agregasi;
import id.capaian.indicator.domain.IndicatorRules;
import id.capaian.indicator.domain.IndikatorSpec;
import id.capaian.indicator.domain.Renstra;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator of a node as the client states it. */
@Schema(name = "IndikatorRequest", description = "One performance indicator of a node.",
        example = """
                {"nama": "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten", "satuan": "%",
                 "polaritas": "positif", "target": 65, "agregasi": "akhir", "renstra": {"target": 90, "realisasiSebelumnya": 70}}""")
public record IndikatorRequest(
        @Schema(required = true, description = "Indicator name, not empty", maxLength = IndicatorRules.NAMA_MAX,
                example = "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten")
        String nama,
        @Schema(required = true, description = "Satuan (unit), free non-empty text (%, dokumen, orang, indeks, …)",
                maxLength = IndicatorRules.SATUAN_MAX, example = "%")
        String satuan,
        @Schema(required = true, enumeration = {"positif", "negatif"},
                description = "positif: higher is better; negatif: lower is better", example = "positif")
        String polaritas,
        @Schema(nullable = true, enumeration = {"rasio", "selisih"},
                description = "Negative polarity only: rasio (the default) target/realisasi×100, selisih "
                        + "(2×target−realisasi)/target×100")
        String rumus,
        @Schema(required = true, minimum = "0", maximum = "1000000000000000", exclusiveMaximum = true,
                description = "Target, a JSON number, at most 4 decimals", example = "65")
        BigDecimal target,
        @Schema(nullable = true, enumeration = {"jumlah", "akhir"},
                description = "How the monthly values add up over the year (Evaluasi Renja): jumlah for things "
                        + "counted (dokumen, orang, kegiatan), akhir (the default) for levels (persen, indeks, rasio). "
                        + "An indicator of negative polarity is always akhir.", example = "akhir")
        String agregasi,
        @Schema(nullable = true, description = "Renstra PD target and its realisasi up to last year (Formulir E.81 "
                + "columns 5 and 6); absent means none (like rumus: a PUT states the whole state)")
        RenstraRequest renstra) {

    IndikatorSpec toSpec(Violations v, String field) {
        String nm = IndicatorRules.text(v, field + ".nama", nama, IndicatorRules.NAMA_MAX);
        String st = IndicatorRules.text(v, field + ".satuan", satuan, IndicatorRules.SATUAN_MAX);
        Polaritas p = IndicatorRules.polaritas(v, field + ".polaritas", polaritas);
        var r = IndicatorRules.rumus(v, field + ".rumus", rumus, p);
        BigDecimal t = IndicatorRules.nilai(v, field + ".target", target);
        Agregasi a = IndicatorRules.agregasi(v, field + ".agregasi", agregasi, p);
        Renstra rs = renstra == null ? null
                : IndicatorRules.renstra(v, field + ".renstra", renstra.target(), renstra.realisasiSebelumnya());
        return new IndikatorSpec(nm, st, p, r, t, a, rs);
    }
}
