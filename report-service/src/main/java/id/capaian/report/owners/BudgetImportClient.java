package id.capaian.report.owners;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * budget-service's import bundle ({@code PUT /api/v1/dpa/{pemda}/{tahun}/{opd}/impor}): nodes, cash plans and
 * realizations in one owner transaction, or with {@code dryRun} only judged. The Authorization header is passed
 * explicitly (not propagated), so that the import's retrier can send it outside a request.
 */
@RegisterRestClient(configKey = "budget")
@Path("/api/v1/dpa/{pemda}/{tahun}/{opd}/impor")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface BudgetImportClient {

    @PUT
    void impor(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            @QueryParam("dryRun") boolean dryRun, @HeaderParam("Authorization") String authorization, Bundle bundle);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return OwnerFailure.of(BudgetClient.SERVICE, response);
    }

    record Bundle(List<BudgetClient.Node> nodes, List<BudgetClient.Rak> rak, List<Month> realisasi) {
    }

    record Month(int bulan, List<BudgetClient.Realisasi> items) {
    }
}
