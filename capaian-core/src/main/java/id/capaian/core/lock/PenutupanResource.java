package id.capaian.core.lock;

import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

/**
 * The months of one OPD-year closed after a quarter's evaluation, as this service enforces them: read,
 * or set (report-service sets it in the owners when a quarter is signed off as evaluated, and lowers it
 * when a verifikator reopens the quarter). Each owner mounts it under its own path.
 */
public abstract class PenutupanResource {

    static final String EX = """
            {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "sampaiBulan": 6,
             "alasan": "Evaluasi Renja triwulan II selesai", "oleh": "bappeda-verifikator-1", "nama": "Ahmad Fauzi",
             "sejak": "2024-07-15T02:00:00Z"}""";
    static final String EX_REQUEST = """
            {"sampaiBulan": 6, "alasan": "Evaluasi Renja triwulan II selesai"}""";
    static final String P422 = """
            {"type": "/problems/validasi", "title": "Data tidak valid", "status": 422,
             "detail": "alasan: wajib diisi untuk membuka kembali bulan",
             "errors": [{"field": "alasan", "message": "wajib diisi untuk membuka kembali bulan"}]}""";

    @Inject protected YearLocks locks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Action.READ)
    @Operation(operationId = "getPenutupan", summary = "Read the closed months of an OPD-year",
            description = "sampaiBulan 0 while every month is open.")
    @APIResponse(responseCode = "200", description = "The closing in force", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Penutupan.class),
            examples = @ExampleObject(name = "triwulan II", value = EX)))
    public Penutupan get(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd) {
        return locks.penutupan(pemda, year(pemda, tahun, opd), opd);
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Action.LOCK)
    @Operation(operationId = "setPenutupan", summary = "Close (or reopen) the months of an OPD-year",
            description = "While closed, every realization of months 1..sampaiBulan of the OPD answers 409 bulan-tertutup. "
                    + "Lowering sampaiBulan reopens months and needs a reason. Idempotent; recorded in the audit trail.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PenutupanRequest.class),
            examples = @ExampleObject(name = "close through June", value = EX_REQUEST)))
    @APIResponse(responseCode = "200", description = "The closing in force after the change", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Penutupan.class),
            examples = @ExampleObject(name = "triwulan II", value = EX)))
    @APIResponse(responseCode = "422", description = "sampaiBulan missing or outside 0..12, alasan missing on reopening",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "alasan", value = P422)))
    public Penutupan put(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd, PenutupanRequest body) {
        int t = year(pemda, tahun, opd);
        if (body == null) {
            YearLocks.validate(null, null);
        }
        return locks.tutup(pemda, t, opd, body);
    }

    private static int year(String pemda, String tahun, String opd) {
        Violations v = new Violations();
        Integer t = tahun != null && tahun.matches("\\d{1,4}") ? Integer.valueOf(tahun) : null;
        Rules.pemdaTahun(v, pemda, t);
        Rules.opd(v, "opd", opd);
        v.throwIfAnyParameter();
        return t;
    }
}
