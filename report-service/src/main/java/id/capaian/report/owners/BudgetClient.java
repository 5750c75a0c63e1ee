package id.capaian.report.owners;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.capaian.core.lock.LockRequest;
import id.capaian.core.lock.PenutupanRequest;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * budget-service's bulk writes (docs/CONTRACTS.md), both idempotent PUTs of the full state in one
 * transaction, and its year lock. The caller's Authorization header goes along (the owner checks the same
 * token again; config org.eclipse.microprofile.rest.client.propagateHeaders). Base URL: {@code quarkus.rest-client.budget.url}.
 */
@RegisterRestClient(configKey = "budget")
@Path("/api/v1/dpa/{pemda}/{tahun}")
@RegisterClientHeaders
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface BudgetClient {

    String SERVICE = "budget-service";

    /** Upserts the listed nodes; parents must exist or be in the same request. */
    @PUT
    @Path("/{opd}/nodes")
    void putNodes(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            List<Node> nodes);

    /** Cumulative realization of many sub kegiatan to the end of {@code bulan}. */
    @PUT
    @Path("/{opd}/realisasi/{bulan}")
    void putRealisasi(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            @PathParam("bulan") int bulan, List<Realisasi> realisasi);

    /** The cash plans (RAK) of many sub kegiatan, twelve monthly amounts each. */
    @PUT
    @Path("/{opd}/rak")
    void putRak(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            List<Rak> rak);

    /** Its year lock, with the header Capaian-Outbox-Tertunda: its events of the scope not yet on Kafka. */
    @GET
    @Path("/kunci")
    Response getKunci(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @QueryParam("opd") String opd);

    @PUT
    @Path("/kunci")
    void putKunci(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, LockRequest kunci);

    /** Closes months 1..sampaiBulan of one OPD (0 reopens all) after a quarter's evaluation (idempotent). */
    @PUT
    @Path("/{opd}/penutupan")
    void putPenutupan(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            PenutupanRequest penutupan);

    /**
     * The owner's current state of every subject of the pemda-year, as its events carry it, and its epoch
     * ({@code {"epoch", "subjek": [{"subject", "type", "version", "data"}]}}): what the read model must hold.
     */
    @GET
    @Path("/keadaan")
    JsonNode keadaan(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return OwnerFailure.of(SERVICE, response);
    }

    /** A program, kegiatan or sub kegiatan; {@code pagu} and {@code paguMurni} on sub kegiatan only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Node(String kode, String uraian, BigDecimal pagu, BigDecimal paguMurni, Renstra renstra) {
    }

    /** A node's Renstra anggaran and its realization up to last year (E.81 columns 5 and 6, Rp). */
    record Renstra(BigDecimal pagu, BigDecimal realisasiSebelumnya) {
    }

    record Rak(String kode, List<BigDecimal> bulan) {
    }

    record Realisasi(String kode, BigDecimal jumlah) {
    }
}
