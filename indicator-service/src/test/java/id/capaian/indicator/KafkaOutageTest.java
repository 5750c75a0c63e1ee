package id.capaian.indicator;

import static id.capaian.indicator.Api.freshOpd;
import static id.capaian.indicator.Api.indikator;
import static id.capaian.indicator.Api.node;
import static id.capaian.indicator.Api.putNodes;
import static id.capaian.indicator.Api.putRealisasi;
import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.core.outbox.OutboxRelay;
import id.capaian.testing.LocalInfrastructure;
import id.capaian.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** While Kafka is down writes still succeed; their events wait in the outbox and all arrive afterwards, the newest last. */
@QuarkusTest
class KafkaOutageTest {

    @Inject OutboxRelay relay;

    @Test
    void writesSucceedWhileKafkaIsDownAndEveryEventArrivesInOrderAfterwards() {
        String opd = freshOpd("DOWN");
        String a = Api.subject(opd, "2.08.02", 1);
        String b = Api.subject(opd, "2.08.03", 1);
        try (TopicProbe probe = TopicProbe.open("realization-updated")) { // its position is fixed before the outage
            try {
                kafka("stop");
                putNodes(opd, node("2.08.02", indikator("A", "%", "positif", null, "65")),
                        node("2.08.03", indikator("B", "%", "negatif", null, "2.1"))).statusCode(200);
                for (int bulan = 1; bulan <= 3; bulan++) {
                    putRealisasi(opd, "2.08.02", 1, bulan, String.valueOf(10 * bulan)).statusCode(200);
                    putRealisasi(opd, "2.08.03", 1, bulan, "2." + bulan).statusCode(200);
                }
                long backlog = QuarkusTransaction.requiringNew().call(() -> relay.backlog().messages());
                assertThat(backlog).isGreaterThanOrEqualTo(8);
            } finally {
                kafka("start");
            }
            List<ConsumerRecord<String, String>> seen = probe.awaitRecord(
                    r -> b.equals(r.key()) && r.value().contains("\"version\":4"), Duration.ofSeconds(120));
            seen = probe.awaitRecord(r -> a.equals(r.key()) && r.value().contains("\"version\":4"), Duration.ofSeconds(30));
            // The outbox empties only once Kafka acknowledged the last attempt: then every record is on the topic.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> QuarkusTransaction.requiringNew().call(() -> relay.backlog().messages()) == 0);
            seen = probe.drain(Duration.ofSeconds(1)); // every record seen since the probe opened
            for (String subject : List.of(a, b)) {
                List<Long> versions = seen.stream().filter(r -> subject.equals(r.key()))
                        .map(r -> Messages.valid(r.value()).get("version").asLong()).toList();
                // Nothing lost, and the newest last: delivery is at least once (no Kafka transactions), so a record
                // that the broker took during a failed attempt arrives again with the retry of its batch, which
                // sends every unpublished version oldest first. A consumer that ignores the versions it holds ends
                // with the newest.
                assertThat(versions).as(subject).contains(1L, 2L, 3L, 4L).doesNotContain(0L, 5L).endsWith(4L);
            }
        }
    }

    private static void kafka(String command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(LocalInfrastructure.root().resolve("deploy/local/kafka.sh").toString(), command)
                    .inheritIO();
            pb.environment().put("CAPAIAN_ENV", "test");
            int rc = pb.start().waitFor();
            assertThat(rc).as("kafka.sh " + command).isZero();
        } catch (Exception e) {
            throw new IllegalStateException("kafka.sh " + command, e);
        }
    }
}
