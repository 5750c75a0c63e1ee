package id.capaian.report.imports;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import wrote: how many nodes and indicators, and the totals of the programs. */
@Schema(name = "ImportResult", example = """
        {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "bulan": 12,
         "counts": {"program": 6, "kegiatan": 15, "subKegiatan": 26, "indikator": 47},
         "totals": {"pagu": 3555368700.00, "realisasi": 3214176245.00},
         "indikatorDipertahankan": [{"kode": "2.08.02", "nomor": 2,
           "nama": "Persentase perangkat daerah yang melaksanakan PPRG"}]}""")
public record ImportResult(String pemda, int tahun, String opd,
        @Schema(description = "The month (1..12) the realizations were written for") int bulan,
        Counts counts, Totals totals,
        @Schema(description = "Indicators of the imported nodes that the file does not name (added through the API): "
                + "kept as they are, never removed by an import") List<Dipertahankan> indikatorDipertahankan) {

    /** An indicator the import kept because the file does not name it. */
    public record Dipertahankan(String kode, int nomor, String nama) {
    }

    public record Counts(long program, long kegiatan, long subKegiatan,
            @Schema(description = "Indicators in the file (a node's rows that repeat its code add nomor 2, 3, …)")
            long indikator) {
    }

    /** @param pagu the sum of the programs' target anggaran; @param realisasi the sum of their realisasi anggaran */
    public record Totals(BigDecimal pagu, BigDecimal realisasi) {
    }
}
