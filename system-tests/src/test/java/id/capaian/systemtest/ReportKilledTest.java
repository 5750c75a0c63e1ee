package id.capaian.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** report-service killed with SIGKILL in the middle of a stream of updates, then restarted on the same port. */
@ExtendWith(Suite.class)
class ReportKilledTest {

    @Test
    void aKilledReportCatchesUpWithEveryCommittedChangeExactlyOnce() throws Exception {
        Suite s = Suite.get();
        Workload w = new Workload("KILL").imported();
        w.stream(300, 100, i -> {
            if (i == 100) {
                s.report.kill();
                assertThat(s.report.alive()).isFalse();
            } else if (i == 200) {
                s.report.start().awaitReady(Duration.ofSeconds(120));
            }
        });
        assertThat(w.refused.get()).as("the owners never depend on the report").isZero();
        w.assertConverged(s.report, Duration.ofSeconds(90));
    }
}
