package id.capaian.report.owners;

import id.capaian.report.export.Answers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import id.capaian.core.lock.LockRequest;
import id.capaian.core.lock.PenutupanRequest;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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
    /**
     * Replaces the listed nodes' indicators; with {@code lainnya=pertahankan} the indicators beyond a node's list
     * are kept as they are. Answers the live indicators of those nodes.
     */
    @PUT
    @Path("/{opd}/nodes")
    List<Hidup> putNodes(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            @QueryParam("lainnya") String lainnya, List<Node> nodes);

    /** The value achieved to the end of {@code bulan}, for many indicators. */
    @PUT
    @Path("/{opd}/realisasi/{bulan}")
    void putRealisasi(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            @PathParam("bulan") int bulan, List<Realisasi> realisasi);

    /** Sets its year lock the same way as report-service's own (idempotent). */
    /** Physical progress (%) of many sub kegiatan to the end of {@code bulan}. */
    @PUT
    @Path("/{opd}/progres/{bulan}")
    void putProgres(@PathParam("pemda") String pemda, @PathParam("tahun") int tahun, @PathParam("opd") String opd,
            @PathParam("bulan") int bulan, List<Progres> progres);

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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Node(String kode, String sasaran, List<Indikator> indikator) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Indikator(String nama, String satuan, Polaritas polaritas, RumusNegatif rumus, BigDecimal target,
            String agregasi, Renstra renstra) {
    }

    /** An indicator's Renstra target and its realization up to last year (E.81 columns 5 and 6, K). */
    record Renstra(BigDecimal target, BigDecimal realisasiSebelumnya) {
    }

    /** A live indicator as the nodes PUT answers it (only what the import reports; the rest is ignored). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hidup(String kode, int nomor, String nama) {
    }

    record Progres(String kode, BigDecimal persen) {
    }

    record Realisasi(String kode, int nomor, BigDecimal nilai) {
    }
}
