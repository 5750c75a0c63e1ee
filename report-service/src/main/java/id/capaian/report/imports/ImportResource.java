package id.capaian.report.imports;

import id.capaian.core.domain.DpaRef;
import id.capaian.report.tenant.Params;

import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import id.capaian.report.owners.BudgetClient;
import id.capaian.report.owners.IndicatorClient;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import id.capaian.core.problem.ProblemException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Import of a capaian table (LKPJ chapter III) into the owners, budget-service and indicator-service. */
@Path("/api/v1/imports/{pemda}/{tahun}/{opd}/capaian")
@Tag(name = "Impor", description = "Import of capaian tables (TSV, CSV, XLSX) into budget-service and indicator-service")
public class ImportResource {

    static final String TSV_EXAMPLE = """
            kode\turaian\tindikator\tsatuan\tpolaritas\ttarget_fisik\ttarget_anggaran\trealisasi_fisik\trealisasi_anggaran
            2.08.02\tProgram Pengarusutamaan Gender dan Pemberdayaan Perempuan\tPersentase Anggaran yang Responsif Gender (ARG) pada Kabupaten\t%\tpositif\t65\t85.106.900\t27,54\t65.922.900
            2.08.02.2.01\tPelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota\tPersentase lembaga pemerintah dan Non Pemerintah yang membentuk pokja dan fokal point\t%\tpositif\t100\t85.106.900\t100\t65.922.900
            2.08.02.2.01.0003\tAdvokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG\tJumlah Perangkat Daerah yang Mengikuti Advokasi Kebijakan\tperangkat daerah\tpositif\t50\t73.810.300\t50\t55.926.300,00
            2.08.02.2.01.0004\tSosialisasi Kebijakan Pelaksanaan PUG termasuk PPRG\tJumlah Perangkat Daerah yang Mengikuti Sosialisasi Kebijakan\tperangkat daerah\tpositif\t50\t11.296.600\t50\t9.996.600,00
            """;

    static final String CSV_EXAMPLE = """
            kode;uraian;indikator;satuan;polaritas;target_fisik;target_anggaran;realisasi_fisik;realisasi_anggaran
            2.08.02;Program Pengarusutamaan Gender dan Pemberdayaan Perempuan;Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten;%;positif;65;85.106.900;27,54;65.922.900
            2.08.02.2.01;"Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota";Persentase lembaga pemerintah dan Non Pemerintah yang membentuk pokja dan fokal point;%;positif;100;85.106.900;100;65.922.900
            2.08.02.2.01.0003;Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG;Jumlah Perangkat Daerah yang Mengikuti Advokasi Kebijakan;perangkat daerah;positif;50;73.810.300;50;55.926.300,00
            2.08.02.2.01.0004;Sosialisasi Kebijakan Pelaksanaan PUG termasuk PPRG;Jumlah Perangkat Daerah yang Mengikuti Sosialisasi Kebijakan;perangkat daerah;positif;50;11.296.600;50;9.996.600,00
            """;

    static final String INVALID_EXAMPLE = """
            {"type": "/problems/impor-tidak-valid", "title": "Impor tidak valid", "status": 422,
             "detail": "3 masalah pada berkas impor. Tidak ada data yang ditulis; perbaiki semuanya lalu kirim ulang.",
             "instance": "/api/v1/imports/63.10/2024/P3AP2KB/capaian",
             "errors": [
               {"field": "baris 2, kolom target_anggaran", "message": "target_anggaran 1.538.412.801 tidak sama dengan jumlah target_anggaran 5 sub kegiatan di bawahnya, 1.538.412.800 (selisih 1)"},
               {"field": "baris 6, kolom polaritas", "message": "polaritas harus 'positif' atau 'negatif', bukan 'naik'"},
               {"field": "baris 12, kolom realisasi_anggaran", "message": "'1.53.000' bukan angka dengan format Indonesia (titik pemisah ribuan, koma desimal: 1.538.412.800 atau 27,54)"}]}""";

    static final String UNAVAILABLE_EXAMPLE = """
            {"type": "/problems/layanan-tidak-tersedia", "title": "Layanan tidak tersedia", "status": 503,
             "detail": "budget-service tidak dapat dihubungi di http://127.0.0.1:8081 (PUT nodes): Connection refused. Belum ada data yang ditulis.",
             "instance": "/api/v1/imports/63.10/2024/P3AP2KB/capaian",
             "errors": [{"field": "budget-service", "message": "tidak dapat dihubungi"}]}""";

    static final String PENDING_EXAMPLE = """
            {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "bulan": 12,
             "counts": {"program": 6, "kegiatan": 15, "subKegiatan": 26, "indikator": 47},
             "totals": {"pagu": 3555368700.00, "realisasi": 3214176245.00}, "indikatorDipertahankan": [],
             "id": "5b0f7f0e-3c1a-4a57-9d47-2f3b9a3e1c10", "status": "MENUNGGU", "ditulis": ["budget-service"],
             "tertunda": ["indicator-service"]}""";

    static final String LIMIT_EXAMPLE = """
            {"type": "/problems/batas-impor", "title": "Berkas melebihi batas impor", "status": 413,
             "detail": "baris 5001 melampaui batas 5000 baris (batas capaian.import.max-rows). Tidak ada data yang ditulis; pecah berkasnya atau hapus sel di luar tabel.",
             "instance": "/api/v1/imports/63.10/2024/P3AP2KB/capaian",
             "errors": [{"field": "capaian.import.max-rows", "message": "baris 5001 melampaui batas 5000 baris"}]}""";

    static final String RUN_EXAMPLE = """
            {"id": "5b0f7f0e-3c1a-4a57-9d47-2f3b9a3e1c10", "pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "bulan": 12,
             "status": "SELESAI", "pelaku": "operator-p3ap2kb", "dibuat": "2024-12-31T02:00:00Z", "diubah": "2024-12-31T02:05:10Z",
             "ditulis": ["budget-service", "indicator-service"], "tertunda": [], "percobaan": 2, "cobaLagi": null,
             "kesalahan": null, "ringkasan": null}""";

    @Inject CapaianImport imports;
    @Inject ImportRuns runs;
    @Inject ImportLimits limits;

    @POST
    @Requires(Action.BULK_WRITE)
    @Consumes({TabelReader.TSV, TabelReader.CSV, TabelReader.XLSX})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importCapaian", summary = "Import the capaian table of programs, kegiatan and sub kegiatan of one OPD, one year",
            description = """
                    Columns (first line, names case-insensitive): kode, uraian, indikator, satuan, polaritas,
                    target_fisik, target_anggaran, realisasi_fisik, realisasi_anggaran; optionally rumus (rasio|selisih, for
                    negative indicators). Program rows (a kode of 3 parts), kegiatan (5) and sub kegiatan (6); urusan rows are
                    refused. Numbers in Indonesian format (1.538.412.800; 55.926.300,00; 27,54). The indicator may be empty;
                    when given, satuan, polaritas (positif|negatif) and target_fisik are required, realisasi_fisik may be empty.
                    target_anggaran and realisasi_anggaran are required on every row; the anggaran of a kegiatan and a program
                    must equal the sum of its parts, and a sub kegiatan's realisasi may not exceed its pagu.

                    The whole file is checked first: with any problem, the 422 answer holds the problems (at most
                    capaian.import.max-errors, default 100; errorsOmitted counts the rest; field "baris 12, kolom
                    target_anggaran"; the header line = line 1) and nothing is written anywhere. A file beyond a limit
                    (capaian.import.max-rows rows, max-columns columns, max-cells filled cells, max-inflated-bytes and
                    min-inflate-ratio for XLSX) is refused with 413 /problems/batas-impor naming the limit; XLSX is read
                    streaming and reading stops at the first limit exceeded.

                    All or nothing: when the file is valid, indicator-service first judges its part by its own rules without
                    writing (PUT .../impor?dryRun=true); when it accepts, the import is recorded (GET .../capaian/{id}) with
                    indicator-service's part, then budget-service writes its part (nodes, pagu, RAK, that month's realisasi
                    anggaran) in one transaction, the first write anywhere. A refusal by either (e.g. a satuan over 100
                    characters, a pagu below a realization) is answered 422 /problems/impor-ditolak and nothing is written
                    anywhere (a refused budget-service part leaves the import recorded as GAGAL). Then
                    indicator-service writes its part (each node's indicators, without removing indicators the file does not name; that
                    month's physical realisasi and progress) in one transaction. Should indicator-service not take its part
                    after budget-service wrote (unreachable, or a 5xx), the import is COMPLETED, not undone: the answer is 202
                    with status MENUNGGU, ditulis [budget-service], tertunda [indicator-service]; the stored part is sent again
                    automatically with growing delays (capaian.import.retry.*) until accepted, and the record becomes SELESAI.
                    report-service records the declared anggaran of every kegiatan and program (for the later audit of
                    differences). Every write is an idempotent PUT: importing the same file again changes nothing. Nodes that
                    are not in the file are left alone (an import does not remove).

                    Access: the OPD's own operator, integrasi within its token's claims, or admin (BULK_WRITE). The caller's
                    token is passed on to budget-service and indicator-service, which check it again and record every changed
                    row in their history in the caller's name; report-service records one import.capaian entry (a summary of
                    counts and totals) in its history. A locked year (or OPD) is refused with 409 before anything is
                    written. A 401, 403 or 409 refusal from a data owner is passed on with the same status, naming the
                    service.""")
    @RequestBody(required = true, description = "The capaian table; CSV separated by commas or semicolons (RFC 4180 "
            + "quoting), UTF-8 unless a charset is given; XLSX: the first sheet, header row on top",
            content = {
                    @Content(mediaType = TabelReader.TSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "tsv", summary = "One program with one kegiatan", value = TSV_EXAMPLE)),
                    @Content(mediaType = TabelReader.CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", summary = "Semicolon-separated", value = CSV_EXAMPLE)),
                    @Content(mediaType = TabelReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "Imported in both owners (status SELESAI): the numbers of programs, "
            + "kegiatan, sub kegiatan and indicators, and the programs' budget totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "202", description = "budget-service has written; indicator-service's part is stored and being "
            + "completed (status MENUNGGU, tertunda names the service); follow with GET .../capaian/{id}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class),
                    examples = @ExampleObject(name = "menunggu", value = PENDING_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed parameter (pemda, tahun, OPD, bulan), unknown charset, or unreadable XLSX",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file exceeds capaian.http.max-body-size, or an import limit "
            + "(/problems/batas-impor; field names its key, e.g. capaian.import.max-rows)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "batas-impor", value = LIMIT_EXAMPLE)))
    @APIResponse(responseCode = "415", description = "A content type other than text/tab-separated-values, text/csv or XLSX",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The year or this OPD is locked (tahun-terkunci), in "
            + "report-service or at a data owner (the title names the service)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An invalid file (/problems/impor-tidak-valid, every problem at "
            + "once; nothing written), or a data owner refused the data (/problems/impor-ditolak, with that "
            + "service's details)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "impor-tidak-valid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "502", description = "A data owner answered with an error (/problems/layanan-gagal), "
            + "its details included; send the same file again once fixed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "A data owner cannot be reached "
            + "(/problems/layanan-tidak-tersedia, naming the service); send the same file again later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "layanan-tidak-tersedia", value = UNAVAILABLE_EXAMPLE)))
    public jakarta.ws.rs.core.Response importCapaian(
            @Parameter(description = "Kode pemda", example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(description = "Tahun anggaran", example = "2024") @PathParam("tahun") String tahun,
            @Parameter(description = "Kode OPD", example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "Bulan (1..12) yang realisasinya dilaporkan berkas ini, kumulatif sampai akhir bulan itu; bawaan 12",
                    example = "12") @QueryParam("bulan") String bulan,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            byte[] body) {
        DpaRef dpa = Params.dpa(pemda, tahun, opd);
        int month = bulan(bulan);
        ImportResult result = imports.importCapaian(dpa, month,
                TabelReader.read(body == null ? new byte[0] : body, contentType, limits.reading()), authorization);
        return jakarta.ws.rs.core.Response.status(ImportRuns.MENUNGGU.equals(result.status()) ? 202 : 200)
                .type(MediaType.APPLICATION_JSON).entity(result).build();
    }

    /** An import record as GET answers it. */
    @Schema(name = "ImportRun", description = "One import: its state, what is written, what is pending")
    public record ImportRunView(java.util.UUID id, String pemda, int tahun, String opd, int bulan,
            @Schema(enumeration = {"BERJALAN", "SELESAI", "MENUNGGU", "GAGAL", "DIGANTIKAN"},
                    description = "BERJALAN: being written; SELESAI: both owners have it; MENUNGGU: budget-service has it, "
                            + "indicator-service's part is retried; GAGAL: refused (see kesalahan; what ditulis names is "
                            + "written); DIGANTIKAN: a later import of the OPD wrote a newer state before this one's part")
            String status, String pelaku, java.time.OffsetDateTime dibuat, java.time.OffsetDateTime diubah,
            @Schema(description = "The owners that have this import's data") java.util.List<String> ditulis,
            @Schema(description = "The owners whose part is stored and still to be written") java.util.List<String> tertunda,
            @Schema(description = "Attempts made by the retrier") int percobaan,
            @Schema(nullable = true, description = "When the retrier tries next (MENUNGGU only)") java.time.OffsetDateTime cobaLagi,
            @Schema(nullable = true, description = "The last fault, if any") String kesalahan,
            @Schema(nullable = true, description = "The import's answer as recorded; null until it has one") ImportResult ringkasan) {
    }

    @GET
    @Path("/{id}")
    @Requires(Action.READ)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getImportCapaian", summary = "Catatan satu impor: status, yang sudah ditulis, yang tertunda",
            description = "Menjawab catatan impor yang dibuat sebelum pemilik data ditulis: BERJALAN, SELESAI, MENUNGGU (bagian "
                    + "indicator-service tersimpan dan dicoba lagi otomatis; percobaan, cobaLagi dan kesalahan terakhir "
                    + "disebut), GAGAL, atau DIGANTIKAN. Hak akses: READ pada OPD itu.")
    @APIResponse(responseCode = "200", description = "Catatan impor", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportRunView.class), examples = @ExampleObject(name = "selesai", value = RUN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Parameter tidak valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Tidak ada impor dengan id itu di OPD-tahun ini",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportRunView importRun(
            @Parameter(description = "Kode pemda", example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(description = "Tahun anggaran", example = "2024") @PathParam("tahun") String tahun,
            @Parameter(description = "Kode OPD", example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "Id impor (dari jawaban impor)", example = "5b0f7f0e-3c1a-4a57-9d47-2f3b9a3e1c10")
            @PathParam("id") String id) {
        DpaRef dpa = Params.dpa(pemda, tahun, opd);
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("id", "id impor bukan UUID: " + id);
        }
        ImportRuns.Run r = runs.find(dpa, uuid);
        ImportResult ringkasan = runs.summary(r);
        boolean indicatorPending = ImportRuns.MENUNGGU.equals(r.status());
        java.util.List<String> ditulis = ringkasan != null && ringkasan.ditulis() != null ? ringkasan.ditulis()
                : java.util.List.of();
        if (ImportRuns.SELESAI.equals(r.status())) {
            ditulis = java.util.List.of(BudgetClient.SERVICE,
                    IndicatorClient.SERVICE);
        }
        return new ImportRunView(r.id(), r.pemda(), r.tahun(), r.opd(), r.bulan(), r.status(), r.pelaku(), r.dibuat(),
                r.diubah(), ditulis, indicatorPending ? java.util.List.of(IndicatorClient.SERVICE)
                        : java.util.List.of(), r.percobaan(), r.cobaLagi(), r.kesalahan(),
                ringkasan == null ? null : ringkasan.with(r.id(), r.status(), ditulis,
                        indicatorPending ? java.util.List.of(IndicatorClient.SERVICE) : java.util.List.of()));
    }

    private static int bulan(String text) {
        if (text == null || text.isBlank()) {
            return 12;
        }
        Violations v = new Violations();
        Integer b = Params.integer(v, "bulan", text.strip());
        if (b != null) {
            Rules.bulan(v, "bulan", b);
        }
        Params.refuse(v);
        return b;
    }
}
