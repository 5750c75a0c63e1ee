package id.capaian.indicator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.capaian.core.domain.Capaian;
import id.capaian.indicator.domain.Indicator;
import id.capaian.indicator.domain.Renstra;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator with its realization, capaian and predikat as of a month (the latest when none is asked). */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Indikator", example = """
        {"kode": "2.08.02", "nomor": 1, "nama": "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten",
         "satuan": "%", "polaritas": "positif", "rumus": null, "target": 65, "realisasi": 27.54, "bulan": 12,
         "capaian": 42.37, "predikat": "Sangat Rendah", "agregasi": "akhir",
         "renstra": {"target": 90, "realisasiSebelumnya": 70},
         "sasaran": "Meningkatnya pengarusutamaan gender dalam pembangunan daerah"}""")
public record IndikatorResponse(
        @Schema(example = "2.08.02") String kode,
        @Schema(example = "1") int nomor,
        @Schema(example = "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten") String nama,
        @Schema(example = "%") String satuan,
        @Schema(enumeration = {"positif", "negatif"}, example = "positif") String polaritas,
        @Schema(nullable = true, enumeration = {"rasio", "selisih"}) String rumus,
        @Schema(example = "65") BigDecimal target,
        @Schema(nullable = true, description = "Value of the latest reported month (up to the month asked for)",
                example = "27.54") BigDecimal realisasi,
        @Schema(nullable = true, description = "The month of that realisasi", example = "12") Integer bulan,
        @Schema(nullable = true, description = "Physical capaian in percent, 2 decimals; null when undefined (no "
                + "realisasi, a target of 0 with positive polarity, a realisasi of 0 with negative polarity)",
                example = "42.37") BigDecimal capaian,
        @Schema(nullable = true, enumeration = {"Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"},
                description = "Predikat of the capaian (Permendagri 86/2017)", example = "Sangat Rendah") String predikat,
        @Schema(enumeration = {"jumlah", "akhir"}, description = "How the monthly values add up over the year",
                example = "akhir") String agregasi,
        @Schema(nullable = true, description = "Renstra PD values; null when none") Renstra renstra,
        @Schema(nullable = true, description = "Sasaran of this node's program; null when none",
                example = "Meningkatnya pengarusutamaan gender dalam pembangunan daerah") String sasaran) {

    static IndikatorResponse of(Indicator i, Integer asOf) {
        var latest = i.latest(asOf);
        var capaian = latest.flatMap(e -> i.capaian(e.getValue()));
        return new IndikatorResponse(i.kode, i.nomor, i.nama, i.satuan, i.polaritas, i.rumus, plain(i.target),
                latest.map(Map.Entry::getValue).map(IndikatorResponse::plain).orElse(null),
                latest.map(Map.Entry::getKey).orElse(null),
                capaian.map(Capaian::persen).orElse(null), capaian.map(c -> c.predikat().label()).orElse(null),
                i.agregasi, i.renstra() == null ? null : i.renstra().plain(), i.sasaran);
    }

    static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
