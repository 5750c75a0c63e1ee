package id.capaian.indicator.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator's Renstra PD values as the client states them (Formulir E.81 columns 5 and 6, K). */
@Schema(name = "RenstraRequest", description = "Nilai Renstra PD indikator; keduanya boleh kosong",
        example = "{\"target\": 90, \"realisasiSebelumnya\": 70}")
public record RenstraRequest(
        @Schema(nullable = true, minimum = "0", maximum = "1000000000000000", exclusiveMaximum = true,
                description = "Target Renstra PD pada akhir periode Renstra, angka JSON, paling banyak 4 desimal",
                example = "90")
        BigDecimal target,
        @Schema(nullable = true, minimum = "0", maximum = "1000000000000000", exclusiveMaximum = true,
                description = "Realisasi capaian Renstra sampai Renja tahun lalu, angka JSON, paling banyak 4 desimal",
                example = "70")
        BigDecimal realisasiSebelumnya) {
}
