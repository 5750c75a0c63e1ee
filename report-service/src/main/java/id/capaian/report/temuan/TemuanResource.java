package id.capaian.report.temuan;

import id.capaian.report.tenant.Params;

import id.capaian.core.problem.Problem;
import id.capaian.report.temuan.TemuanService.Temuan;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/{pemda}/{tahun}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Data inconsistencies, reported rather than hidden")
public class TemuanResource {

    @Inject TemuanService audit;

    public record Hasil(String pemda, int tahun, int jumlah, List<Temuan> temuan) {
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "getAudit", summary = "The inconsistencies of one pemda-year",
            description = "A declared total (from an import) that differs from the sum of its parts, realisasi above "
                    + "the pagu, rows without indicators, indicators without target or realisasi, a physical capaian "
                    + "far (> 50 points) from the financial capaian. Every finding with its OPD, kode and numbers.")
    @APIResponse(responseCode = "200", description = "Findings, in OPD and kode order", content = @Content(schema = @Schema(implementation = Hasil.class)))
    @APIResponse(responseCode = "400", description = "Malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Hasil get(@Parameter(example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(example = "2024") @PathParam("tahun") String tahun) {
        int t = Params.tahun(pemda, tahun);
        List<Temuan> found = audit.of(pemda, t);
        return new Hasil(pemda, t, found.size(), found);
    }
}
