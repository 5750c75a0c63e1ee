package id.capaian.report.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import wrote: how many nodes and indicators, the totals of the programs, and what is still pending. */
@Schema(name = "ImportResult", example = """
        {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "bulan": 12,
         "counts": {"program": 6, "kegiatan": 15, "subKegiatan": 26, "indikator": 47},
         "totals": {"pagu": 3555368700.00, "realisasi": 3214176245.00},
         "indikatorDipertahankan": [{"kode": "2.08.02", "nomor": 2,
           "nama": "Persentase perangkat daerah yang melaksanakan PPRG"}],
         "id": "5b0f7f0e-3c1a-4a57-9d47-2f3b9a3e1c10", "status": "SELESAI", "ditulis": ["budget-service", "indicator-service"],
         "tertunda": []}""")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(String pemda, int tahun, String opd,
        @Schema(description = "The month (1..12) the realizations were written for") int bulan,
        Counts counts, Totals totals,
        @Schema(description = "Indicators of the imported nodes that the file does not name (added through the API): "
                + "kept as they are, never removed by an import") List<Dipertahankan> indikatorDipertahankan,
        @Schema(description = "The import record (GET .../capaian/{id})") UUID id,
        @Schema(description = "SELESAI: both owners have the data; MENUNGGU (answer 202): budget-service has it, "
                + "indicator-service's part is stored and retried until it is written; as recorded later in the import "
                + "record also GAGAL or DIGANTIKAN (see ImportRun)",
                enumeration = {"BERJALAN", "SELESAI", "MENUNGGU", "GAGAL", "DIGANTIKAN"}) String status,
        @Schema(description = "The owners that have committed this import's data") List<String> ditulis,
        @Schema(description = "The owners whose part is still pending") List<String> tertunda) {

    public ImportResult(String pemda, int tahun, String opd, int bulan, Counts counts, Totals totals,
            List<Dipertahankan> indikatorDipertahankan) {
        this(pemda, tahun, opd, bulan, counts, totals, indikatorDipertahankan, null, null, null, null);
    }

    public ImportResult with(UUID id, String status, List<String> ditulis, List<String> tertunda) {
        return new ImportResult(pemda, tahun, opd, bulan, counts, totals, indikatorDipertahankan, id, status, ditulis, tertunda);
    }

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
