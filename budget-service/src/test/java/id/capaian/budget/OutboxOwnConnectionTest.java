package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.capaian.core.outbox.OutboxRelay;
import id.capaian.testing.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relay does not wait for the requests' pool: with every connection of it taken, a committed event still reaches
 * Kafka and the backlog still reads. Before the relay had its own datasource, it queued behind the requests.
 */
@QuarkusTest
class OutboxOwnConnectionTest {

    @Inject AgroalDataSource requests;
    @Inject OutboxRelay relay;

    /** In a transaction of its own, as the health check reads it. */
    long backlog() {
        return QuarkusTransaction.requiringNew().call(() -> relay.backlog().messages());
    }

    @Test
    void aCommittedEventReachesKafkaWhileTheRequestsPoolIsExhausted() throws SQLException {
        String opd = Seed.newOpd("POOL");
        String kode = "2.08.02.2.01.0003";
        String subject = "63.10/2024/" + opd + "/" + kode;
        Events.smallDpa(opd);
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 0);
        int size = requests.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> held = new ArrayList<>();
        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            Connection pause = requests.getConnection();
            held.add(pause);
            try (Statement s = pause.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")"); // as if another instance relayed
            }
            given().contentType("application/json").body("{\"jumlah\": 7000.00}")
                    .put(Seed.base(opd) + "/nodes/" + kode + "/realisasi/3").then().statusCode(200);
            assertThat(backlog()).as("held back while another relay holds the lock").isPositive();
            while (held.size() < size) {
                held.add(requests.getConnection());
            }
            try (Statement s = pause.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + OutboxRelay.RELAY_LOCK + ")");
            }
            probe.awaitRecord(r -> subject.equals(r.key()) && Events.parse(r.value()).path("data").path("realisasi")
                    .decimalValue().compareTo(new java.math.BigDecimal("7000")) == 0, Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
        } finally {
            if (!held.isEmpty()) {
                try (Statement s = held.get(0).createStatement()) {
                    s.execute("SELECT pg_advisory_unlock_all()"); // the pooled session outlives close()
                }
            }
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
