package id.capaian.report.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.capaian.report.domain.EntityStates;
import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RealizationConsumerTest {

    @Inject EntityStates states;

    static String event(String subject, long version) {
        return """
                {"specversion":"1.0","id":"%s","source":"test","type":"budget.realization-updated",
                 "time":"%s","subject":"%s","datacontenttype":"application/json","version":%d,
                 "data":{"v":%d}}""".formatted(UUID.randomUUID(), Instant.now(), subject, version, version);
    }

    @Test
    void aMessageOnTheTopicReachesTheReadModel() {
        String subject = "test/" + UUID.randomUUID();
        TopicProbe.send("realization-updated", subject, event(subject, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> states.version(subject) == 1);
    }

    @Test
    void olderAndDuplicateVersionsChangeNothing() {
        String subject = "test/" + UUID.randomUUID();
        String marker = "test/" + UUID.randomUUID();
        TopicProbe.send("realization-updated", subject, event(subject, 3), event(subject, 2), event(subject, 3));
        TopicProbe.send("realization-updated", marker, event(marker, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> states.version(marker) == 1 && states.version(subject) > 0);
        assertThat(states.version(subject)).isEqualTo(3);
    }
}
