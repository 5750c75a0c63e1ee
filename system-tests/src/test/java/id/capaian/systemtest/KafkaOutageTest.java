package id.capaian.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Kafka stopped while the owners keep accepting writes (the outbox holds the events), then started again. */
@ExtendWith(Suite.class)
class KafkaOutageTest {

    @Test
    void theOwnersKeepWritingWhileKafkaIsDownAndTheReportCatchesUp() throws Exception {
        Suite s = Suite.get();
        Workload w = new Workload("KAFKA").imported();
        try {
            w.stream(240, 80, i -> {
                if (i == 80) {
                    Suite.script("kafka.sh", "stop");
                } else if (i == 160) {
                    Suite.script("kafka.sh", "start");
                }
            });
        } finally {
            Suite.script("kafka.sh", "start"); // idempotent: never leave the shared broker down
        }
        assertThat(w.refused.get()).as("writes refused while Kafka was down").isZero();
        w.assertConverged(s.report, Duration.ofSeconds(120));
    }
}
