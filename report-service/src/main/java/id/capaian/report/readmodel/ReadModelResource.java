package id.capaian.report.readmodel;

import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
    @Inject OwnerComparison owners;

    static final String EX_OWNERS = """
            {"pemda": "63.10", "tahun": 2024, "consistent": false, "subjectsChecked": 42, "differences": [
              {"owner": "budget-service", "subject": "63.10/2024/P3AP2KB/2.08.02.2.01.0003",
               "reason": "versi read model v7, pemilik v5"}]}""";
    static final String P502 = """
            {"type": "/problems/layanan-gagal", "title": "Keadaan indicator-service tidak dapat dibaca", "status": 502,
             "detail": "indicator-service tidak dapat dihubungi: Connection refused. Read model tidak dapat dibandingkan; ulangi setelah layanan itu pulih.",
             "errors": [{"field": "indicator-service", "message": "keadaan tidak dapat dibaca"}]}""";

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

    @GET
    @Requires(Action.REPAIR)
    @Path("check/{pemda}/{tahun}")
    @Operation(operationId = "checkReadModelAgainstOwners",
            summary = "Membandingkan status entitas read model satu pemda-tahun dengan keadaan terkini di pemiliknya",
            description = "consistent=true bila setiap subjek di budget-service dan indicator-service (GET .../keadaan) "
                    + "ada di read model dengan versi dan data yang sama (subjek terhapus cukup sama-sama terhapus), tidak "
                    + "ada subjek di read model yang tidak dimiliki pemilik, dan tidak ada yang ber-epoch di atas epoch "
                    + "pemilik. Selisih muncul setelah basis data pemilik atau report dipulihkan dari cadangan, atau bila "
                    + "peristiwa hilang; obatnya: POST .../republikasi di pemilik. Token pemanggil diteruskan ke pemilik.")
    @APIResponse(responseCode = "200", description = "Hasil perbandingan", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OwnerComparison.OwnerCheck.class),
            examples = @ExampleObject(name = "selisih", value = EX_OWNERS)))
    @APIResponse(responseCode = "400", description = "pemda atau tahun tidak valid", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "Pemilik tidak dapat dihubungi atau gagal menjawab", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "pemilik", value = P502)))
    public OwnerComparison.OwnerCheck checkAgainstOwners(@Parameter(example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(example = "2024") @PathParam("tahun") String tahun) {
        Violations v = new Violations();
        Integer t = tahun != null && tahun.matches("\\d{1,4}") ? Integer.valueOf(tahun) : null;
        Rules.pemdaTahun(v, pemda, t);
        v.throwIfAnyParameter();
        return owners.compare(pemda, t);
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
