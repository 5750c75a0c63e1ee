package id.capaian.report.readmodel;

import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator tools for the read model: prove it consistent, or recompute it. */
@Path("/api/v1/read-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read model", description = "Checking and rebuilding the aggregates")
public class ReadModelResource {

    @Inject Consistency consistency;

    public record Rebuilt(int rows) {
    }

    @GET
    @Requires(Action.OPERATE)
    @Path("check")
    @Operation(operationId = "checkReadModel", summary = "Compare the incremental aggregates with a recomputation from scratch",
            description = "consistent=true when every budget row (pagu, realisasi per month, number of sub kegiatan) "
                    + "equals the sum recomputed from the latest state of every sub kegiatan.")
    @APIResponse(responseCode = "200", description = "The result of the check", content = @Content(schema = @Schema(implementation = Consistency.Report.class)))
    public Consistency.Report check() {
        return consistency.check();
    }

    @POST
    @Requires(Action.OPERATE)
    @Path("rebuild")
    @Operation(operationId = "rebuildReadModel", summary = "Recompute all aggregates from the entity states (one transaction)")
    @APIResponse(responseCode = "200", description = "The number of rows written", content = @Content(schema = @Schema(implementation = Rebuilt.class)))
    public Rebuilt rebuild() {
        return new Rebuilt(consistency.rebuild());
    }
}
