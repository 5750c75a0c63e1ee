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
@Schema(name = "IndikatorRequest", description = "Satu indikator kinerja sebuah node.",
        example = """
                {"nama": "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten", "satuan": "%",
                 "polaritas": "positif", "target": 65, "agregasi": "akhir", "renstra": {"target": 90, "realisasiSebelumnya": 70}}""")
public record IndikatorRequest(
        @Schema(required = true, description = "Nama indikator, tidak boleh kosong", maxLength = IndicatorRules.NAMA_MAX,
                example = "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten")
        String nama,
        @Schema(required = true, description = "Satuan, teks bebas tidak kosong (%, dokumen, orang, indeks, …)",
                maxLength = IndicatorRules.SATUAN_MAX, example = "%")
        String satuan,
        @Schema(required = true, enumeration = {"positif", "negatif"},
                description = "positif: makin tinggi makin baik; negatif: makin rendah makin baik", example = "positif")
        String polaritas,
        @Schema(nullable = true, enumeration = {"rasio", "selisih"},
                description = "Hanya untuk polaritas negatif: rasio (bawaan) target/realisasi×100, "
                        + "selisih (2×target−realisasi)/target×100")
        String rumus,
        @Schema(required = true, minimum = "0", maximum = "1000000000000000", exclusiveMaximum = true,
                description = "Target, angka JSON, paling banyak 4 desimal", example = "65")
        BigDecimal target,
        @Schema(nullable = true, enumeration = {"jumlah", "akhir"},
                description = "Cara nilai bulanan dijumlahkan dalam setahun (Evaluasi Renja): jumlah untuk hal yang "
                        + "dihitung (dokumen, orang, kegiatan), akhir (bawaan) untuk tingkat (persen, indeks, rasio). "
                        + "Indikator berpolaritas negatif selalu akhir.", example = "akhir")
        String agregasi,
        @Schema(nullable = true, description = "Target Renstra PD dan realisasinya sampai tahun lalu (Formulir E.81 "
                + "kolom 5 dan 6); tidak disebut berarti tidak ada (seperti rumus: PUT menyatakan keadaan lengkap)")
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
