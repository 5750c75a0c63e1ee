package id.capaian.core.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox of an owner service: how its relay takes events to Kafka and how long published rows are kept. */
@ConfigMapping(prefix = "capaian.outbox")
public interface OutboxConfig {

    /**
     * Whether the service has an outbox (the owners: true; report-service: false). Read at build time by the
     * outbox beans' {@code @IfBuildProperty}; mapped here as well so that every key under the prefix is known.
     */
    @WithDefault("false")
    boolean enabled();

    /** The most rows one round of the relay sends. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for rows when no commit woke it. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** The wait after a first failed attempt to reach Kafka; doubled after each further failure. */
    @WithDefault("PT0.25S")
    Duration minBackoff();

    /** The longest wait between two attempts to reach Kafka. */
    @WithDefault("PT15S")
    Duration maxBackoff();

    /** How long Kafka may take to acknowledge a record (the producer's delivery timeout). */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /** How long published rows are kept before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** How often published rows past the retention are looked for. */
    @WithDefault("PT5M")
    Duration purgeInterval();

    /** Rows deleted per transaction. */
    @WithDefault("1000")
    int purgeBatchSize();
}
