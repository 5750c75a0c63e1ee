package id.capaian.report.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import id.capaian.core.lock.LockRequest;
import id.capaian.core.lock.PenutupanRequest;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * indicator-service's bulk writes (docs/CONTRACTS.md), both idempotent PUTs of the full state in one
 * transaction, and its year lock. The caller's Authorization header goes along (the owner checks the same
 * token again; config org.eclipse.microprofile.rest.client.propagateHeaders). Base URL: {@code quarkus.rest-client.indicator.url}.
 */
@RegisterRestClient(configKey = "indicator")
@Path("/api/v1/indikator/{pemda}/{tahun}")
@RegisterClientHeaders
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface IndicatorClient {

    String SERVICE = "indicator-service";

    /** For each listed node its complete indicator list (item i is nomor i+1; those beyond are removed). */
    @PUT
    @Path("/{opd}/nodes")
    void putNodes(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            List<Node> nodes);

    /** The value achieved to the end of {@code bulan}, for many indicators. */
    @PUT
    @Path("/{opd}/realisasi/{bulan}")
    void putRealisasi(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            @PathParam("bulan") int bulan, List<Realisasi> realisasi);

    /** Sets its year lock the same way as report-service's own (idempotent). */
    @PUT
    @Path("/kunci")
    void putKunci(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, LockRequest kunci);

    /** Closes months 1..sampaiBulan of one OPD (0 reopens all) after a quarter's evaluation (idempotent). */
    @PUT
    @Path("/{opd}/penutupan")
    void putPenutupan(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            PenutupanRequest penutupan);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return OwnerFailure.of(SERVICE, response);
    }

    record Node(String kode, List<Indikator> indikator) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Indikator(String nama, String satuan, Polaritas polaritas, RumusNegatif rumus, BigDecimal target) {
    }

    record Realisasi(String kode, int nomor, BigDecimal nilai) {
    }
}
