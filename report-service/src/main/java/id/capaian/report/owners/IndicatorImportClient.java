package id.capaian.report.owners;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * indicator-service's import bundle ({@code PUT /api/v1/indikator/{pemda}/{tahun}/{opd}/impor}): indicator lists,
 * realizations and physical progress in one owner transaction, or with {@code dryRun} only judged. Always with
 * {@code lainnya=pertahankan}: an import never removes indicators. The Authorization header is passed explicitly.
 */
@RegisterRestClient(configKey = "indicator")
@Path("/api/v1/indikator/{pemda}/{tahun}/{opd}/impor")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface IndicatorImportClient {

    @PUT
    Answer impor(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            @QueryParam("dryRun") boolean dryRun, @QueryParam("lainnya") String lainnya,
            @HeaderParam("Authorization") String authorization, Bundle bundle);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return OwnerFailure.of(IndicatorClient.SERVICE, response);
    }

    record Bundle(List<IndicatorClient.Node> nodes, List<RealisasiMonth> realisasi, List<ProgresMonth> progres) {
    }

    record RealisasiMonth(int bulan, List<IndicatorClient.Realisasi> items) {
    }

    record ProgresMonth(int bulan, List<IndicatorClient.Progres> items) {
    }

    /** The live indicators of the bundle's nodes (only what the import reports; the rest is ignored). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(List<IndicatorClient.Hidup> indikator) {
    }
}
