package id.capaian.report.rfk;

import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import id.capaian.report.export.Answers;
import id.capaian.report.export.Format;
import id.capaian.report.export.Pages;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The monthly control report (RFK) of one OPD, and of every OPD of a pemda ranked, in the form the client
 * asks for (the {@code format} parameter, else {@code Accept}, else JSON). Only reads parameters and
 * delegates: the numbers are {@link Rfk}'s, the forms {@link RfkForms}'.
 */
@Path("/api/v1/reports/{pemda}/{tahun}")
@Tag(name = "RFK", description = "Monthly Realisasi Fisik dan Keuangan report: plan (RAK), realisasi, physical "
        + "progress, deviation, and the OPD ranking")
public class RfkResource {

    static final Set<Format> FORMATS = EnumSet.allOf(Format.class);

    static final String EX_OPD = """
            {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "bulan": 6, "status": "DRAFT", "kunci": null,
             "rows": [
              {"kode": "2.08.02", "level": "PROGRAM", "uraian": "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan",
               "paguMurni": 420000000.00, "pagu": 400000000.00, "bobot": 100.00,
               "rencana": {"jumlah": 210000000.00, "persen": 52.50}, "realisasi": {"jumlah": 210000000.00, "persen": 52.50},
               "fisik": 57.50, "deviasi": {"jumlah": 0.00, "persen": 0.00}},
              {"kode": "2.08.02.2.01.0001", "level": "SUB_KEGIATAN", "uraian": "Sub kegiatan A",
               "paguMurni": 120000000.00, "pagu": 100000000.00, "bobot": 25.00,
               "rencana": {"jumlah": 60000000.00, "persen": 60.00}, "realisasi": {"jumlah": 45000000.00, "persen": 45.00},
               "fisik": 50.00, "deviasi": {"jumlah": 15000000.00, "persen": 25.00}},
              {"kode": "2.08.02.2.01.0002", "level": "SUB_KEGIATAN", "uraian": "Sub kegiatan B",
               "paguMurni": 300000000.00, "pagu": 300000000.00, "bobot": 75.00,
               "rencana": {"jumlah": 150000000.00, "persen": 50.00}, "realisasi": {"jumlah": 165000000.00, "persen": 55.00},
               "fisik": 60.00, "deviasi": {"jumlah": -15000000.00, "persen": -10.00}}],
             "total": {"paguMurni": 420000000.00, "pagu": 400000000.00, "bobot": 100.00,
               "rencana": {"jumlah": 210000000.00, "persen": 52.50}, "realisasi": {"jumlah": 210000000.00, "persen": 52.50},
               "fisik": 57.50, "deviasi": {"jumlah": 0.00, "persen": 0.00}}}""";

    static final String EX_PEMDA = """
            {"pemda": "63.10", "tahun": 2024, "bulan": 6,
             "opd": [
              {"peringkat": 1, "opd": "P3AP2KB", "status": "DRAFT", "paguMurni": 420000000.00, "pagu": 400000000.00,
               "rencana": {"jumlah": 210000000.00, "persen": 52.50}, "realisasi": {"jumlah": 210000000.00, "persen": 52.50},
               "fisik": 57.50, "deviasi": {"jumlah": 0.00, "persen": 0.00}},
              {"peringkat": 2, "opd": "DINKES", "status": "DRAFT", "paguMurni": 1000000000.00, "pagu": 1000000000.00,
               "rencana": {"jumlah": 500000000.00, "persen": 50.00}, "realisasi": {"jumlah": 300000000.00, "persen": 30.00},
               "fisik": 35.00, "deviasi": {"jumlah": 200000000.00, "persen": 40.00}}],
             "total": {"paguMurni": 1420000000.00, "pagu": 1400000000.00, "bobot": 100.00,
               "rencana": {"jumlah": 710000000.00, "persen": 50.71}, "realisasi": {"jumlah": 510000000.00, "persen": 36.43},
               "fisik": 41.43, "deviasi": {"jumlah": 200000000.00, "persen": 28.17}}}""";

    static final String P400 = """
            {"type": "/problems/permintaan-tidak-valid", "title": "Permintaan tidak valid", "status": 400,
             "detail": "bulan: bulan harus 1 sampai 12", "instance": "/api/v1/reports/63.10/2024/P3AP2KB/rfk",
             "errors": [{"field": "bulan", "message": "bulan harus 1 sampai 12"}]}""";
    static final String P404 = """
            {"type": "/problems/tidak-ditemukan", "title": "Tidak ditemukan", "status": 404,
             "detail": "RFK P3AP2KB 2024 tidak ditemukan", "instance": "/api/v1/reports/63.10/2024/P3AP2KB/rfk",
             "errors": [{"field": "opd", "message": "RFK P3AP2KB 2024 tidak ditemukan"}]}""";

    static final String DESCRIPTION_FORMATS = """
            **Form** chosen by the `format` parameter (json|csv|xlsx|html) when given, else by the `Accept` \
            header; JSON by default. CSV: separator `;`, numbers in Indonesian format, UTF-8 with BOM; XLSX: number \
            cells typed as numbers; HTML: a self-contained page ready to print on A4 landscape. An undefined percent \
            (division by 0) is null (JSON) or `-`.""";

    @Inject RfkService service;
    @Inject Pages pages;

    @GET
    @Path("{opd}/rfk")
    @Requires(Action.READ)
    @Operation(operationId = "rfkOpd", summary = "RFK of one OPD as of the end of a month (JSON, CSV, XLSX, HTML)",
            description = """
                    One line per program, kegiatan and sub kegiatan in code order, and the OPD total \
                    (shared/RFK.md). Per sub kegiatan: pagu murni and the pagu in force, bobot = pagu / the OPD's pagu x 100, \
                    rencana = the sum of the RAK of months 1..M (Rp and % of pagu), cumulative realisasi up to M (Rp and % of \
                    pagu), physical progress up to M (null when none yet), deviasi = rencana - realisasi (Rp; % of the \
                    rencana, null when the rencana is 0). Above a sub kegiatan: money is summed, percents are recomputed \
                    from the sums, physical progress is weighted by pagu (progress not reported counts as 0; null when the \
                    pagu sum is 0). Percents rounded half up, 2 decimals. Status FINAL when the year or the OPD is locked.

                    """ + DESCRIPTION_FORMATS)
    @APIResponse(responseCode = "200", description = "RFK", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rfk.class),
                examples = @ExampleObject(name = "contoh RFK.md", value = EX_OPD)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Malformed parameter (tahun, opd, bulan, format)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bulan", value = P400)))
    @APIResponse(responseCode = "404", description = "No budget yet for this OPD and year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tidak ada", value = P404)))
    @APIResponse(responseCode = "406", description = "The Accept header cannot be satisfied",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response opd(
            @Parameter(description = "Pemda code", example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(description = "Tahun anggaran (budget year)", example = "2024") @PathParam("tahun") String tahun,
            @Parameter(description = "OPD code", example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "State as of the end of the month (1..12); default 12", example = "6") @QueryParam("bulan") String bulan,
            @Parameter(description = "The answer's form; overrides the Accept header",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx", "html"}))
            @QueryParam("format") String format,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Format f = Format.choose(format, accept, FORMATS);
        Query q = Query.of(pemda, tahun, opd, bulan);
        Rfk r = service.opd(pemda, q.tahun(), opd, q.bulan());
        return f == Format.JSON ? Answers.ok(f, r).build() : form(f, RfkForms.grid(r), RfkForms.fileName(r));
    }

    @GET
    @Path("rfk")
    @Requires(Action.READ)
    @Operation(operationId = "rfkPemda", summary = "RFK of every OPD of one pemda, ranked (JSON, CSV, XLSX, HTML)",
            description = """
                    One line per OPD: pagu murni, pagu, rencana, realisasi (Rp and %), the OPD's physical progress \
                    weighted by pagu, deviasi; ranked by physical progress (descending), then realisasi % (descending), \
                    then OPD code; ranks 1..n without gaps; undefined values last.

                    """ + DESCRIPTION_FORMATS)
    @APIResponse(responseCode = "200", description = "Ranking", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Peringkat.class),
                examples = @ExampleObject(name = "dua OPD", value = EX_PEMDA)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Malformed parameter (tahun, bulan, format)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bulan", value = P400)))
    @APIResponse(responseCode = "404", description = "No budget yet for this pemda and year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "The Accept header cannot be satisfied",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pemda(
            @Parameter(description = "Pemda code", example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(description = "Tahun anggaran (budget year)", example = "2024") @PathParam("tahun") String tahun,
            @Parameter(description = "State as of the end of the month (1..12); default 12", example = "6") @QueryParam("bulan") String bulan,
            @Parameter(description = "The answer's form; overrides the Accept header",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx", "html"}))
            @QueryParam("format") String format,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Format f = Format.choose(format, accept, FORMATS);
        Query q = Query.of(pemda, tahun, null, bulan);
        Peringkat p = service.pemda(pemda, q.tahun(), q.bulan());
        return f == Format.JSON ? Answers.ok(f, p).build() : form(f, RfkForms.grid(p), RfkForms.fileName(p));
    }

    private Response form(Format f, RfkForms.Grid g, String fileName) {
        return switch (f) {
            case CSV -> Answers.attachment(Answers.ok(f, RfkForms.csv(g)), fileName + ".csv");
            case XLSX -> Answers.attachment(Answers.ok(f, RfkForms.xlsx(g)), fileName + ".xlsx");
            default -> Answers.html(Answers.ok(f, pages.table(RfkForms.page(g))));
        };
    }

    /** The validated parameters; every fault at once, 400 naming the parameter. */
    record Query(int tahun, int bulan) {

        static Query of(String pemda, String tahun, String opd, String bulan) {
            Violations v = new Violations();
            Integer t = tahun != null && tahun.matches("\\d{1,4}") ? Integer.valueOf(tahun) : null;
            if (opd == null) {
                Rules.pemdaTahun(v, pemda, t);
            } else {
                Rules.dpa(v, pemda, t, opd);
            }
            Integer b = bulan == null ? Integer.valueOf(12) : bulan.matches("\\d{1,2}") ? Integer.valueOf(bulan) : null;
            if (b == null) {
                v.add("bulan", "bulan harus 1 sampai 12");
            } else {
                Rules.bulan(v, "bulan", b);
            }
            v.throwIfAnyParameter();
            return new Query(t, b);
        }
    }
}
