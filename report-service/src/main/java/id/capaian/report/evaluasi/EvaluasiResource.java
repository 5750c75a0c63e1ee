package id.capaian.report.evaluasi;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.problem.ProblemException;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import id.capaian.report.evaluasi.EvaluasiService.StatusRequest;
import id.capaian.report.evaluasi.EvaluasiService.StatusResult;
import id.capaian.report.export.Answers;
import id.capaian.report.export.Format;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The quarterly Renja evaluation (Formulir E.81) of one OPD: the form (JSON, HTML, XLSX), its four texts, and its
 * sign-off, which closes the evaluated months in budget-service and indicator-service.
 */
@Path("/api/v1/reports/{pemda}/{tahun}/{opd}/evaluasi-renja")
@Tag(name = "Evaluasi Renja", description = "Evaluation of the Renja results of a Perangkat Daerah per triwulan (Formulir E.81) and its signing")
public class EvaluasiResource {

    static final Set<Format> FORMATS = EnumSet.of(Format.JSON, Format.HTML, Format.XLSX);

    static final String FORM_EXAMPLE = """
            {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "triwulan": 2, "status": "DISUSUN",
             "rows": [
              {"kode": "2.08.02.2.01.0001", "uraian": "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG",
               "level": "SUB_KEGIATAN", "sasaran": null,
               "anggaran": {"renstraPagu": 1000000000.00, "renstraSebelumnya": 600000000.00, "target": 200000000.00,
                 "triwulan": [30000000.00, 60000000.00, null, null], "realisasi": 90000000.00, "capaian": 45.00,
                 "renstraRealisasi": 690000000.00, "renstraCapaian": 69.00},
               "indikator": [
                {"nomor": 1, "nama": "Jumlah dokumen", "satuan": "dokumen", "polaritas": "positif", "agregasi": "jumlah",
                 "renstraTarget": 60, "renstraSebelumnya": 40, "target": 12, "triwulan": [2, 5, null, null], "realisasi": 7,
                 "capaian": 58.33, "renstraRealisasi": 47, "renstraCapaian": 78.33},
                {"nomor": 2, "nama": "Persentase perangkat daerah yang responsif gender", "satuan": "%", "polaritas": "positif",
                 "agregasi": "akhir", "renstraTarget": 90, "renstraSebelumnya": 70, "target": 80, "triwulan": [40, 55, null, null],
                 "realisasi": 55, "capaian": 68.75, "renstraRealisasi": 55, "renstraCapaian": 61.11}]}],
             "rataRata": {"kinerja": 63.54, "anggaran": 45.00},
             "predikat": {"kinerja": "Rendah", "anggaran": "Sangat Rendah"},
             "faktorPendorong": "Pendampingan intensif dari Bappeda", "faktorPenghambat": "Pengadaan barang terlambat",
             "tindakLanjutTriwulan": "Mempercepat proses pengadaan pada triwulan III",
             "tindakLanjutRenja": "Menyesuaikan jadwal kegiatan dalam Renja 2025",
             "disusun": {"oleh": "p3ap2kb-operator-1", "nama": "Siti Rahmah", "pada": "2024-07-10T03:00:00Z"},
             "dievaluasi": null}""";
    static final String HTML_EXAMPLE = "<!DOCTYPE html>\n<html lang=\"id\">…<h1>Formulir E.81</h1>…<tr class=\"nomor\"><th>1</th>"
            + "<th>2</th><th>3</th><th>4</th><th colspan=\"2\">5</th>…<th>16</th></tr>…</html>";
    static final String CATATAN_EXAMPLE = """
            {"faktorPendorong": "Pendampingan intensif dari Bappeda", "faktorPenghambat": "Pengadaan barang terlambat",
             "tindakLanjutTriwulan": "Mempercepat proses pengadaan pada triwulan III",
             "tindakLanjutRenja": "Menyesuaikan jadwal kegiatan dalam Renja 2025"}""";
    static final String STATUS_REQUEST_EXAMPLE = """
            {"status": "DIEVALUASI", "alasan": "Evaluasi triwulan II selesai dibahas bersama Bappeda"}""";
    static final String REOPEN_EXAMPLE = """
            {"status": "DRAFT", "alasan": "Realisasi Juni salah ketik, diperbaiki OPD"}""";
    static final String STATUS_EXAMPLE = """
            {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "triwulan": 2, "status": "DIEVALUASI",
             "disusun": {"oleh": "p3ap2kb-operator-1", "nama": "Siti Rahmah", "pada": "2024-07-10T03:00:00Z"},
             "dievaluasi": {"oleh": "bappeda-verifikator-1", "nama": "Ahmad Fauzi", "pada": "2024-07-15T02:00:00Z"},
             "sampaiBulan": 6}""";
    static final String P400 = """
            {"type": "/problems/permintaan-tidak-valid", "title": "Permintaan tidak valid", "status": 400,
             "detail": "triwulan: harus 1 sampai 4", "instance": "/api/v1/reports/63.10/2024/P3AP2KB/evaluasi-renja",
             "errors": [{"field": "triwulan", "message": "harus 1 sampai 4"}]}""";
    static final String P404 = """
            {"type": "/problems/tidak-ditemukan", "title": "Tidak ditemukan", "status": 404,
             "detail": "Data evaluasi Renja P3AP2KB 2024 tidak ditemukan", "instance": "/api/v1/reports/63.10/2024/P3AP2KB/evaluasi-renja",
             "errors": [{"field": "opd", "message": "Data evaluasi Renja P3AP2KB 2024 tidak ditemukan"}]}""";
    static final String P409_CATATAN = """
            {"type": "/problems/sudah-dievaluasi", "title": "Sudah dievaluasi", "status": 409,
             "detail": "Evaluasi Renja triwulan II 2024 OPD P3AP2KB sudah DIEVALUASI; catatan tidak dapat diubah sampai verifikator membukanya kembali (status DRAFT)",
             "errors": [{"field": "status", "message": "Evaluasi Renja triwulan II 2024 OPD P3AP2KB sudah DIEVALUASI; …"}]}""";
    static final String P409_STATUS = """
            {"type": "/problems/status-tidak-valid", "title": "Status tidak valid", "status": 409,
             "detail": "Evaluasi Renja triwulan II berstatus DRAFT; tidak dapat menjadi DIEVALUASI (DRAFT → DISUSUN → DIEVALUASI; DISUSUN atau DIEVALUASI → DRAFT)",
             "errors": [{"field": "status", "message": "Evaluasi Renja triwulan II berstatus DRAFT; tidak dapat menjadi DIEVALUASI …"}]}""";
    static final String P403 = """
            {"type": "/problems/akses-ditolak", "title": "Akses ditolak", "status": 403,
             "detail": "token dengan peran [operator] untuk pemda 63.10 opd P3AP2KB tidak boleh menyatakan DIEVALUASI (verifikator atau admin) evaluasi Renja pemda 63.10 opd P3AP2KB"}""";
    static final String P422 = """
            {"type": "/problems/validasi", "title": "Data tidak valid", "status": 422,
             "detail": "alasan: wajib diisi untuk membuka kembali evaluasi",
             "errors": [{"field": "alasan", "message": "wajib diisi untuk membuka kembali evaluasi"}]}""";
    static final String P502 = """
            {"type": "/problems/layanan-gagal", "title": "Penutupan bulan tidak dapat diubah di indicator-service", "status": 502,
             "detail": "indicator-service tidak dapat dihubungi: Connection refused. Di budget-service penutupan sudah diubah. Evaluasi Renja triwulan II tetap berstatus DISUSUN. Kirim ulang permintaan yang sama untuk menuntaskannya (aman, idempoten).",
             "errors": [{"field": "indicator-service", "message": "penutupan bulan tidak dapat diubah"}]}""";

    @Inject EvaluasiService service;
    @Inject EvaluasiHtml html;

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "getEvaluasiRenja", summary = "Formulir E.81: evaluation of the Renja results of one OPD for one triwulan (JSON, HTML, XLSX)",
            description = """
                    Program, kegiatan and sub kegiatan rows (code order) with their indicators (part K) and their anggaran \
                    (part Rp) in columns 5–15, the average capaian of performance and of anggaran with their predikat, four \
                    notes, and the signatures Disusun (Kepala OPD) and Dievaluasi (Bappeda).

                    **Triwulan**: realisasi is entered per month as the value up to that month. Anggaran and indicators with \
                    `agregasi = jumlah`: triwulan q = v(3q) − v(3q − 3), column 12 = v(3N). Indicators with `akhir` (and every \
                    negative indicator): triwulan q = the last value entered within that triwulan (null when none), \
                    column 12 = the last value up to month 3N. Triwulan after N: null. Capaian (columns 13, 15) by the \
                    indicator's polaritas and rumus; null when undefined. Programs and kegiatan: columns 7–12 and 14 Rp \
                    are the sums of their sub kegiatan; columns 5–6 Rp the node's own Renstra entries.

                    **Form**: the `format` parameter (json|html|xlsx) when given, else the `Accept` header; JSON by default. \
                    HTML: a self-contained page ready to print on A4 landscape (columns numbered 1–16, K and Rp). XLSX: the \
                    same columns, numbers as number cells.""")
    @APIResponse(responseCode = "200", description = "Form", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluasiForm.class),
                examples = @ExampleObject(name = "triwulan II", value = FORM_EXAMPLE)),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "halaman", value = HTML_EXAMPLE)),
        @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                description = "Workbook Excel (Office Open XML)"))})
    @APIResponse(responseCode = "400", description = "Malformed parameter (tahun, opd, triwulan, format)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "triwulan", value = P400)))
    @APIResponse(responseCode = "404", description = "No data yet for this OPD in that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tidak ada", value = P404)))
    @APIResponse(responseCode = "406", description = "The Accept header asks for none of JSON, HTML and XLSX",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(
            @Parameter(description = "Pemda code", example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(description = "Tahun anggaran (budget year)", example = "2024") @PathParam("tahun") String tahun,
            @Parameter(description = "OPD code", example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "The triwulan evaluated (1..4)", example = "2", required = true,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "4")) @QueryParam("triwulan") String triwulan,
            @Parameter(description = "The answer's form; overrides the Accept header",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "html", "xlsx"}))
            @QueryParam("format") String format,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Format f = Format.choose(format, accept, FORMATS);
        DpaRef dpa = dpa(pemda, tahun, opd, triwulan);
        EvaluasiForm form = service.form(dpa, Integer.parseInt(triwulan.strip()));
        String file = "evaluasi-renja-" + dpa.pemda() + "-" + dpa.tahun() + "-" + dpa.opd() + "-tw" + form.triwulan();
        return switch (f) {
            case HTML -> Answers.html(Answers.ok(f, html.render(form)));
            case XLSX -> Answers.attachment(Answers.ok(f, EvaluasiXlsx.render(form)),
                    file.replaceAll("[^A-Za-z0-9.-]", "_") + ".xlsx");
            default -> Answers.ok(f, form).build();
        };
    }

    @PUT
    @Path("{triwulan}/catatan")
    @Requires(Action.ANNOTATE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putCatatanEvaluasiRenja", summary = "Set the four notes of Formulir E.81 for one triwulan (all of them; idempotent)",
            description = "Faktor pendorong, faktor penghambat, follow-up in the next triwulan, follow-up in the next "
                    + "Renja; each at most 4000 characters, empty or null clears. Refused (409) while that triwulan "
                    + "is DIEVALUASI and when its year is locked. Recorded in the history (action evaluasi.catatan).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Catatan.class),
            examples = @ExampleObject(name = "catatan", value = CATATAN_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The stored notes", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Catatan.class), examples = @ExampleObject(name = "catatan", value = CATATAN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not JSON, or a malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "triwulan", value = P400)))
    @APIResponse(responseCode = "409", description = "The triwulan is DIEVALUASI already, or the year is locked", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "dievaluasi", value = P409_CATATAN)))
    @APIResponse(responseCode = "422", description = "A note too long", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Catatan putCatatan(
            @Parameter(example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(example = "2024") @PathParam("tahun") String tahun,
            @Parameter(example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "Triwulan (quarter, 1..4)", example = "2") @PathParam("triwulan") String triwulan,
            Catatan body) {
        DpaRef dpa = dpa(pemda, tahun, opd, triwulan);
        if (body == null) {
            throw ProblemException.badRequest("body", "isi permintaan kosong");
        }
        return service.catatan(dpa, Integer.parseInt(triwulan), body);
    }

    @PUT
    @Path("{triwulan}/status")
    @Requires(Action.ANNOTATE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putStatusEvaluasiRenja", summary = "Sign (DISUSUN, DIEVALUASI) or reopen (DRAFT) the Formulir E.81 of one triwulan",
            description = """
                    Transitions: DRAFT → DISUSUN (that OPD's operator, or admin), DISUSUN → DIEVALUASI (verifikator or admin), \
                    DISUSUN or DIEVALUASI → DRAFT (verifikator or admin, `alasan` required); anything else 409 \
                    `status-tidak-valid`. Repeating the status in force: 200 without change (the closing at the data \
                    owners is sent again all the same).

                    **Month closing**: budget-service and indicator-service close months 1 to 3 × (the OPD's highest \
                    DIEVALUASI triwulan of that year; 0 when none): realisasi of those months is answered 409 \
                    `bulan-tertutup`. Towards DIEVALUASI: the data owners are closed first (budget-service, then \
                    indicator-service, with the caller's token), then the status here. Reopening from DIEVALUASI: the status \
                    here first, then the data owners are opened. A data owner that fails: 502 naming the service; send the \
                    same request again (safe). Every step is recorded in the history (action evaluasi.status, before/after, \
                    alasan).""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatusRequest.class), examples = {
                @ExampleObject(name = "dievaluasi", value = STATUS_REQUEST_EXAMPLE),
                @ExampleObject(name = "buka kembali", value = REOPEN_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "The status after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatusResult.class), examples = @ExampleObject(name = "dievaluasi", value = STATUS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not JSON, or a malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "triwulan", value = P400)))
    @APIResponse(responseCode = "403", description = "The caller's roles may not set that status", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "operator", value = P403)))
    @APIResponse(responseCode = "409", description = "A transition not allowed, or the year is locked", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "transisi", value = P409_STATUS)))
    @APIResponse(responseCode = "422", description = "An unknown status, no alasan when reopening, or one too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "alasan", value = P422)))
    @APIResponse(responseCode = "502", description = "budget-service or indicator-service could not change its month closing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "indicator-service", value = P502)))
    public StatusResult putStatus(
            @Parameter(example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(example = "2024") @PathParam("tahun") String tahun,
            @Parameter(example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "Triwulan (quarter, 1..4)", example = "2") @PathParam("triwulan") String triwulan,
            StatusRequest body) {
        DpaRef dpa = dpa(pemda, tahun, opd, triwulan);
        var target = service.check(dpa, body);
        return service.status(dpa, Integer.parseInt(triwulan), target, body.alasan());
    }

    /** The tenant and the quarter, checked: 400 naming every parameter at fault. */
    static DpaRef dpa(String pemda, String tahun, String opd, String triwulan) {
        Violations v = new Violations();
        Integer t = tahun != null && tahun.matches("\\d{1,4}") ? Integer.valueOf(tahun) : null;
        if (t == null) {
            v.add("tahun", "harus bilangan bulat");
        }
        Rules.dpa(v, pemda, t, opd);
        if (triwulan == null || triwulan.isBlank()) {
            v.add("triwulan", "wajib diisi: 1 sampai 4");
        } else {
            v.check(triwulan.strip().matches("[1-4]"), "triwulan", "harus 1 sampai 4");
        }
        v.throwIfAnyParameter();
        return new DpaRef(pemda, t, opd);
    }
}
