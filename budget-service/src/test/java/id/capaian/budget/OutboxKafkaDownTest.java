package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.capaian.core.outbox.OutboxRelay;
import id.capaian.testing.LocalInfrastructure;
import id.capaian.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** With the broker stopped, writes still succeed and their events wait; they all arrive, the newest last, once it returns. */
@QuarkusTest
class OutboxKafkaDownTest {

    @Inject OutboxRelay relay;

    static void kafka(String command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(LocalInfrastructure.root().resolve("deploy/local/kafka.sh").toString(), command)
                    .inheritIO();
            pb.environment().put("CAPAIAN_ENV", "test");
            int rc = pb.start().waitFor();
            assertThat(rc).as("kafka.sh %s", command).isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long backlog() {
        return QuarkusTransaction.requiringNew().call(() -> relay.backlog().messages());
    }

    @Test
    void eventsWaitInTheOutboxWhileKafkaIsDownAndArriveInOrderAfter() {
        String opd = Seed.newOpd("DOWN");
        String[] subs = {"2.08.02.2.01.0003", "2.08.02.2.01.0004"};
        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            Events.smallDpa(opd);
            await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 0);
            try {
                kafka("stop");
                for (int i = 1; i <= 6; i++) {
                    String kode = subs[i % 2];
                    given().contentType("application/json").body("{\"jumlah\": " + (i * 1000) + ".00}")
                            .put(Seed.base(opd) + "/nodes/" + kode + "/realisasi/" + i).then().statusCode(200);
                }
                assertThat(backlog()).isGreaterThanOrEqualTo(6);
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'Outbox relay to Kafka' }.data.backlog",
                                org.hamcrest.Matchers.greaterThanOrEqualTo(6));
            } finally {
                kafka("start");
            }
            for (String kode : subs) {
                String subject = "63.10/2024/" + opd + "/" + kode;
                probe.awaitRecord(r -> subject.equals(r.key()) && Events.parse(r.value()).path("version").asLong() == 4,
                        Duration.ofSeconds(90));
            }
            // The outbox empties only once Kafka acknowledged the last attempt: then every record is on the topic.
            await().atMost(Duration.ofSeconds(60)).until(() -> backlog() == 0);
            List<ConsumerRecord<String, String>> seen = probe.drain(Duration.ofSeconds(1));
            for (String kode : subs) {
                String subject = "63.10/2024/" + opd + "/" + kode;
                List<Long> arrived = seen.stream().filter(r -> subject.equals(r.key()))
                        .map(r -> Events.parse(r.value()).path("version").asLong()).toList();
                // Nothing lost, and the newest last: delivery is at least once (no Kafka transactions), so a record
                // that the broker took during a failed attempt arrives again with the retry of its batch, which sends
                // every unpublished version oldest first; the report ignores the versions it already holds.
                assertThat(arrived).as("versions of %s", subject).contains(1L, 2L, 3L, 4L).doesNotContain(0L, 5L)
                        .endsWith(4L);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 0);
        }
    }
}
