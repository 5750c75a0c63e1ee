package id.capaian.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two report-service instances share the consumer group (and the database); one is killed mid-stream. */
@ExtendWith(Suite.class)
class TwoReportInstancesTest {

    @Test
    void theSurvivorTakesOverTheKilledInstancesPartitions() throws Exception {
        Suite s = Suite.get();
        ServiceProcess second = s.newReport(ServiceProcess.freePort(), "report-second").start();
        try {
            second.awaitReady(Duration.ofSeconds(120));
            Workload w = new Workload("TWO").imported();
            w.stream(240, 80, i -> {
                if (i == 120) {
                    second.kill();
                    assertThat(second.alive()).isFalse();
                }
            });
            // The survivor alone, after the group has noticed the death (session timeout 10 s).
            w.assertConverged(s.report, Duration.ofSeconds(90));
            assertThat(w.refused.get()).isZero();
        } finally {
            second.stop();
        }
    }
}
