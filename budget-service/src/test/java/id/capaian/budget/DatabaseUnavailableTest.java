package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request that finds every database connection taken (load) is answered 503 with Retry-After, writes nothing,
 * and the same request sent again succeeds: overload is not a bug, and a client can retry.
 */
@QuarkusTest
class DatabaseUnavailableTest {

    @Inject AgroalDataSource ds;

    @Test
    void aRequestThatFindsNoConnectionIsAskedToRetryAndWritesNothing() throws Exception {
        String opd = Seed.newOpd("BSY");
        GovernanceTest.seed(2024, opd);
        String put = GovernanceTest.dpa(2024, opd) + "/nodes/" + GovernanceTest.SUB + "/realisasi/3";
        int max = ds.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> held = new ArrayList<>();
        Response refused;
        try {
            for (int i = 0; i < max; i++) {
                held.add(ds.getConnection());
            }
            // waits the pool's acquisition timeout, then gives up
            refused = given().contentType("application/json").body("{\"jumlah\": 1000.00}").put(put);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("2");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("/problems/layanan-tidak-tersedia");
        assertThat(GovernanceTest.trail(2024, "opd=" + opd + "&kode=" + GovernanceTest.SUB).getList("items.entitas"))
                .as("nothing written").containsExactly("node");

        given().contentType("application/json").body("{\"jumlah\": 1000.00}").put(put).then().statusCode(200);
        assertThat(GovernanceTest.trail(2024, "opd=" + opd + "&kode=" + GovernanceTest.SUB).getList("items.entitas"))
                .containsExactly("realisasi/3", "node");
    }
}
