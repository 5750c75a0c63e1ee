package id.capaian.core.lock;

import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import id.capaian.core.outbox.OutboxBacklog;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The year lock of a pemda-year in this service: read it, or set it (lock, unlock with a reason).
 * Each service mounts it under its own path; report-service first sets it in the owners.
 */
public abstract class YearLockResource {

    static final String EX_LOCKS = """
            [{"pemda": "63.10", "tahun": 2024, "opd": null, "alasan": "LKPJ 2024 disampaikan ke DPRD",
              "oleh": "bappeda-verifikator-1", "nama": "Ahmad Fauzi", "sejak": "2025-03-31T02:00:00Z"}]""";
    static final String EX_LOCK = """
            {"terkunci": true, "alasan": "LKPJ 2024 disampaikan ke DPRD"}""";
    static final String EX_UNLOCK = """
            {"terkunci": false, "opd": "P3AP2KB", "alasan": "Koreksi realisasi Desember sesuai temuan Inspektorat"}""";
    static final String P422 = """
            {"type": "/problems/validasi", "title": "Data tidak valid", "status": 422,
             "detail": "alasan: wajib diisi untuk membuka kunci",
             "errors": [{"field": "alasan", "message": "wajib diisi untuk membuka kunci"}]}""";
    static final String P400 = """
            {"type": "/problems/permintaan-tidak-valid", "title": "Permintaan tidak valid", "status": 400,
             "detail": "tahun: tahun harus 2000 sampai 2100",
             "errors": [{"field": "tahun", "message": "tahun harus 2000 sampai 2100"}]}""";

    @Inject protected YearLocks locks;
    @Inject Instance<OutboxBacklog> backlog;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Action.READ)
    @Operation(operationId = "getKunci", summary = "Read the locks of a pemda-year",
            description = "Empty while the year is a draft; one entry for a whole-year lock (opd null) and one per locked OPD.")
    @APIResponse(responseCode = "200", description = "The locks in force", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = YearLock.class),
            examples = @ExampleObject(name = "final", value = EX_LOCKS)))
    @APIResponse(responseCode = "400", description = "Malformed path parameter", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "tahun", value = P400)))
    public RestResponse<List<YearLock>> get(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @QueryParam("opd") @Parameter(description = "The OPD whose outbox backlog the header "
                    + OutboxBacklog.HEADER + " counts (the whole year when absent)", example = "P3AP2KB") String opd) {
        int t = year(pemda, tahun);
        return withBacklog(pemda, t, opd, locks.list(pemda, t));
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Action.LOCK)
    @Operation(operationId = "setKunci", summary = "Lock or unlock a pemda-year, or one OPD of it",
            description = "While locked, every write to that scope answers 409 tahun-terkunci. Unlocking needs a "
                    + "reason. Idempotent: the state the year already has changes nothing. Both are recorded in the "
                    + "audit trail.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LockRequest.class), examples = {
                    @ExampleObject(name = "lock", value = EX_LOCK),
                    @ExampleObject(name = "unlock one OPD", value = EX_UNLOCK)}))
    @APIResponse(responseCode = "200", description = "The locks in force after the change", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = YearLock.class),
            examples = @ExampleObject(name = "final", value = EX_LOCKS)))
    @APIResponse(responseCode = "400", description = "Malformed path parameter or body", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "tahun", value = P400)))
    @APIResponse(responseCode = "422", description = "terkunci missing, opd malformed, alasan missing on unlock or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "alasan", value = P422)))
    public RestResponse<List<YearLock>> put(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun, LockRequest body) {
        int t = year(pemda, tahun);
        YearLocks.validate(body);
        return withBacklog(pemda, t, body.opd(), change(pemda, t, body));
    }

    /**
     * Changes the lock; this service's own lock by default. report-service overrides it to set the owners'
     * locks too, in the order that never leaves an owner open while the report is FINAL.
     */
    protected List<YearLock> change(String pemda, int tahun, LockRequest request) {
        return locks.set(pemda, tahun, request);
    }

    /** In a service with an outbox, the answer says how many events of the scope still wait in it. */
    private RestResponse<List<YearLock>> withBacklog(String pemda, int tahun, String opd, List<YearLock> body) {
        RestResponse.ResponseBuilder<List<YearLock>> r = RestResponse.ResponseBuilder.ok(body);
        if (backlog.isResolvable()) {
            r.header(OutboxBacklog.HEADER, backlog.get().pending(pemda, tahun, opd));
        }
        return r.build();
    }

    private static int year(String pemda, String tahun) {
        Violations v = new Violations();
        Integer t = tahun != null && tahun.matches("\\d{1,4}") ? Integer.valueOf(tahun) : null;
        Rules.pemdaTahun(v, pemda, t);
        v.throwIfAnyParameter();
        return t;
    }
}
