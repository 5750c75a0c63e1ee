package id.capaian.core.republish;

import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Re-publishes the owner's current state of a pemda-year in a new epoch ({@link Republication}). Each owner
 * mounts it under its own path (a subclass with {@code @Path}).
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class RepublicationResource {

    static final String EX_HASIL = """
            {"pemda": "63.10", "tahun": 2024, "epoch": 1764482400, "events": 2}""";
    static final String P400 = """
            {"type": "/problems/permintaan-tidak-valid", "title": "Permintaan tidak valid", "status": 400,
             "detail": "tahun: tahun harus 2000 sampai 2100", "errors": [{"field": "tahun", "message": "tahun harus 2000 sampai 2100"}]}""";

    @Inject Republication republication;

    @POST
    @Requires(Action.REPAIR)
    @Operation(operationId = "republishState", summary = "Publish again the current state of every entity of a pemda-year",
            description = "Starts a new epoch and appends one event per entity (removed ones included) with its full "
                    + "current state and version, audited (aksi republikasi). Consumers order events by (epoch, version), "
                    + "so these replace what they hold even where their versions are higher: after this service's "
                    + "database was restored from a backup, re-publish every affected pemda-year, then every later "
                    + "change applies again. Changes no data; allowed on a locked year. Admin only.")
    @APIResponse(responseCode = "200", description = "The new epoch and the number of events appended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Republication.Hasil.class),
                    examples = @ExampleObject(name = "republikasi", value = EX_HASIL)))
    @APIResponse(responseCode = "400", description = "Malformed pemda or tahun", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "tahun", value = P400)))
    public Republication.Hasil republish(@PathParam("pemda") String pemda, @PathParam("tahun") String tahun) {
        return republication.republish(pemda, tahun(pemda, tahun));
    }

    static int tahun(String pemda, String tahun) {
        Violations v = new Violations();
        Integer t = tahun != null && tahun.matches("\\d{1,4}") ? Integer.valueOf(tahun) : null;
        Rules.pemdaTahun(v, pemda, t);
        v.throwIfAnyParameter();
        return t;
    }
}
