package id.capaian.report.anotasi;

import id.capaian.report.tenant.Params;

import id.capaian.core.problem.Problem;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.anotasi.AnotasiService.Anotasi;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The narrative columns of the table, owned by the report service. */
@Path("/api/v1/reports/{pemda}/{tahun}/{opd}/anotasi/{kode}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Anotasi", description = "Kebijakan (per program), permasalahan, upaya mengatasi permasalahan, tindak lanjut rekomendasi DPRD (per row)")
public class AnotasiResource {

    private static final String EXAMPLE = """
            {"kebijakan": "Menyusun kebijakan Peraturan Daerah tentang PPRG",
             "permasalahan": "Belum semua perangkat daerah menyusun dokumen GAP dan GBS",
             "upaya": "Pendampingan penyusunan GAP dan GBS bagi perangkat daerah",
             "tindakLanjut": null}""";

    @Inject AnotasiService annotations;

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "getAnotasi", summary = "The annotations of one row")
    @APIResponse(responseCode = "200", description = "Annotations", content = @Content(schema = @Schema(implementation = Anotasi.class),
            examples = @ExampleObject(name = "program", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No annotations yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Anotasi get(@Parameter(example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(example = "2024") @PathParam("tahun") String tahun,
            @Parameter(example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(example = "2.08.02") @PathParam("kode") String kode) {
        Anotasi a = annotations.get(Params.dpa(pemda, tahun, opd), Params.kode(kode));
        if (a == null) {
            throw ProblemException.notFound("Anotasi " + kode, "kode");
        }
        return a;
    }

    @PUT
    @Requires(Action.ANNOTATE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setAnotasi", summary = "Set the annotations of one row (all of them; idempotent)",
            description = "Empty or null fields are cleared. Kebijakan is for program rows only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Anotasi.class),
            examples = @ExampleObject(name = "program", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The stored annotations", content = @Content(schema = @Schema(implementation = Anotasi.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, an unknown field, or a malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Breaks a rule (kebijakan not on a program, too long)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Anotasi put(@Parameter(example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(example = "2024") @PathParam("tahun") String tahun,
            @Parameter(example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(example = "2.08.02") @PathParam("kode") String kode, Anotasi body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "isi permintaan kosong");
        }
        var dpa = Params.dpa(pemda, tahun, opd);
        var k = Params.kode(kode);
        annotations.set(dpa, k, body);
        return annotations.get(dpa, k);
    }

    @DELETE
    @Requires(Action.ANNOTATE)
    @Operation(operationId = "deleteAnotasi", summary = "Remove the annotations of one row (idempotent)")
    @APIResponse(responseCode = "204", description = "Removed (or there were none)")
    @APIResponse(responseCode = "400", description = "Malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@Parameter(example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(example = "2024") @PathParam("tahun") String tahun,
            @Parameter(example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(example = "2.08.02") @PathParam("kode") String kode) {
        annotations.clear(Params.dpa(pemda, tahun, opd), Params.kode(kode));
    }
}
