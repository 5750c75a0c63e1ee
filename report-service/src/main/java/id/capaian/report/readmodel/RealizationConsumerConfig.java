package id.capaian.report.readmodel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * How report-service reads realization-updated ({@link RealizationConsumer}). Kafka's own
 * {@code org.apache.kafka.clients.consumer.ConsumerConfig} properties may be given too ({@link #kafka()}).
 */
@ConfigMapping(prefix = "capaian.consumer")
public interface RealizationConsumerConfig {

    /** Whether this instance consumes at all. */
    @WithDefault("true")
    boolean enabled();

    /** Consumers per instance, each its own member of the group: partitions are applied concurrently. */
    @WithDefault("1")
    int threads();

    /** The consumer group (committed offsets only show the lag; the positions are in the database). */
    @WithDefault("report-service")
    String groupId();

    /** Where a record that cannot be applied goes, alone, with the reason in its headers. */
    @WithDefault("realization-updated-dlq")
    String deadLetterTopic();

    /** The longest wait between two attempts while our database or Kafka is away. */
    @WithDefault("PT5S")
    Duration maxBackoff();

    /** How often an idle consumer checks that the database still holds the positions it wrote (a restore). */
    @WithDefault("PT5S")
    Duration reconcileInterval();

    /**
     * How often a busy consumer commits its offsets to Kafka (they only show the lag and tell the year lock's FINAL
     * that the read model caught up; the positions themselves are in the database): one commit per batch would be a
     * write to the broker's offsets topic per event at steady load. An idle consumer commits at once.
     */
    @WithDefault("PT0.2S")
    Duration offsetCommitInterval();

    /**
     * Any Kafka consumer property, passed on as it is: {@code capaian.consumer.kafka.session.timeout.ms=10000}
     * gives {@code session.timeout.ms=10000}.
     */
    Map<String, String> kafka();
}
