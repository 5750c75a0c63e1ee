package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Beyond capaian.http.max-in-flight requests in progress, the next is refused at once with 503 and Retry-After (not
 * queued in the heap), the ones in progress complete, and once they have, requests are served again.
 */
@QuarkusTest
@TestProfile(InFlightLimitTest.TwoAtOnce.class)
class InFlightLimitTest {

    public static class TwoAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("capaian.http.max-in-flight", "2");
        }
    }

    @Inject AgroalDataSource ds;

    @Test
    void aRequestBeyondTheLimitIsRefusedAtOnceAndTheOnesInProgressComplete() throws Exception {
        String opd = Seed.newOpd("PENUH");
        GovernanceTest.seed(2024, opd);
        String dpa = GovernanceTest.dpa(2024, opd);
        String put = dpa + "/nodes/" + GovernanceTest.SUB + "/realisasi/";
        List<CompletableFuture<Integer>> waiting;
        Response refused;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT n.id FROM dpa_node n JOIN dpa d ON d.id = n.dpa_id "
                    + "WHERE d.opd = ? AND n.kode = ? FOR UPDATE")) {
                s.setString(1, opd);
                s.setString(2, GovernanceTest.SUB);
                s.executeQuery().close();
            }
            // Two PUTs of the locked sub kegiatan: in progress, each waiting for the row lock.
            waiting = List.of(4, 5).stream().map(bulan -> CompletableFuture.supplyAsync(() -> given()
                    .contentType("application/json").body("{\"jumlah\": 1000.00}").put(put + bulan).statusCode())).toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> lockWaiters() >= 2);
            refused = given().get(dpa);
            c.rollback();
        }
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("2");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("/problems/layanan-tidak-tersedia");
        for (CompletableFuture<Integer> f : waiting) {
            assertThat(f.get()).isEqualTo(200);
        }
        given().get(dpa).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Sessions of the budget database waiting for a row lock. */
    private long lockWaiters() throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND wait_event_type = 'Lock'");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
