package id.capaian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.core.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A producing service's outbox reaches the realization-updated topic of the real broker. */
public abstract class OutboxContract {

    @Inject Outbox outbox;

    @Test
    void anEventCommittedToTheOutboxArrivesOnTheTopicKeyedBySubject() {
        String subject = "test/" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            String id = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.append("test.ping", subject, 1, Map.of("ping", true)).id());
            var records = probe.awaitRecord(r -> subject.equals(r.key()), Duration.ofSeconds(30));
            var record = records.stream().filter(r -> subject.equals(r.key())).findFirst().orElseThrow();
            assertThat(record.value()).contains("\"id\":\"" + id + "\"").contains("\"specversion\":\"1.0\"");
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String subject = "test/" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    outbox.append("test.ping", subject, 1, Map.of("ping", true));
                    throw new IllegalStateException("the change failed");
                });
            } catch (IllegalStateException expected) {
                // the change and its event go together
            }
            String marker = "test/" + UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> outbox.append("test.ping", marker, 1, Map.of()));
            var records = probe.awaitRecord(r -> marker.equals(r.key()), Duration.ofSeconds(30));
            assertThat(records).noneMatch(r -> subject.equals(r.key()));
        }
    }
}
