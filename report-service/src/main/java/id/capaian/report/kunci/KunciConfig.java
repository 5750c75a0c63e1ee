package id.capaian.report.kunci;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Locking a pemda-year (kunci) across the owners and report-service. */
@ConfigMapping(prefix = "capaian.kunci")
public interface KunciConfig {

    /**
     * How long a lock waits for the owners' outboxes of its scope to drain and for the read model to apply what
     * they published, before it answers 504.
     */
    @WithDefault("PT30S")
    Duration drainTimeout();
}
