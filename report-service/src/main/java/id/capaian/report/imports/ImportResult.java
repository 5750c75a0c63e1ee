package id.capaian.report.imports;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import wrote: how many nodes and indicators, and the totals of the programs. */
@Schema(name = "ImportResult", example = """
        {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "bulan": 12,
         "counts": {"program": 6, "kegiatan": 15, "subKegiatan": 26, "indikator": 47},
         "totals": {"pagu": 3555368700.00, "realisasi": 3214176245.00}}""")
public record ImportResult(String pemda, int tahun, String opd,
        @Schema(description = "The month (1..12) the realizations were written for") int bulan,
        Counts counts, Totals totals) {

    public record Counts(long program, long kegiatan, long subKegiatan,
            @Schema(description = "Rows with an indicator (each is its node's indicator nomor 1)") long indikator) {
    }

    /** @param pagu the sum of the programs' target anggaran; @param realisasi the sum of their realisasi anggaran */
    public record Totals(BigDecimal pagu, BigDecimal realisasi) {
    }
}
