package id.capaian.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL restarted mid-stream. The local test server holds all three databases, so the owners lose
 * theirs too: writes during the outage are refused (5xx, never acknowledged), and everything acknowledged
 * must arrive. report-service's readiness goes DOWN, then UP again.
 */
@ExtendWith(Suite.class)
class PostgresRestartTest {

    @Test
    void theReportGoesDownAndUpWithItsDatabaseAndLosesNothing() throws Exception {
        outage(Duration.ZERO);
    }

    /**
     * While its database is down the report's consumer retries the same record; the throttled commit
     * strategy must not call that a dead channel after its default 60 s (report-service sets
     * throttled.unprocessed-record-max-age.ms=0), or readiness would stay DOWN until a restart.
     */
    @Test
    void aDatabaseOutageLongerThanAMinuteIsSurvivedToo() throws Exception {
        outage(Duration.ofSeconds(75));
    }

    private void outage(Duration extra) throws Exception {
        Suite s = Suite.get();
        Workload w = new Workload("PGRS").imported();
        AtomicBoolean wentDown = new AtomicBoolean();
        try {
            w.stream(240, 80, i -> {
                if (i == 80) {
                    Suite.script("postgres.sh", "stop");
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                            .until(() -> !ServiceProcess.ready(s.report.url()));
                    wentDown.set(true);
                    if (!extra.isZero()) {
                        await().pollDelay(extra).atMost(extra.plusSeconds(1)).until(() -> true); // keep it down that long
                    }
                } else if (i == 84) {
                    // Four writes were tried during the outage (refused, not acknowledged).
                    Suite.script("postgres.sh", "start");
                    for (ServiceProcess p : new ServiceProcess[] {s.report, s.budget, s.indicator}) {
                        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> ServiceProcess.ready(p.url()));
                    }
                }
            });
        } finally {
            Suite.script("postgres.sh", "start"); // idempotent
        }
        assertThat(wentDown).as("readiness went DOWN while PostgreSQL was stopped").isTrue();
        assertThat(w.refused.get()).as("writes refused during the outage").isBetween(1, 4);
        w.assertConverged(s.report, Duration.ofSeconds(90));
    }
}
