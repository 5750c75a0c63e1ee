package id.capaian.core.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Takes committed outbox rows to Kafka in id order, then marks them published. One thread per process;
 * across processes a PostgreSQL advisory lock lets only one relay work at a time, so one entity's events
 * leave in commit order. A commit that appended to the outbox wakes the relay at once (the poll interval
 * is only the fallback), so an event normally reaches the topic a few milliseconds after its commit.
 *
 * <p>Each round sends a batch of the oldest unpublished rows with an idempotent producer (acks=all, at most
 * 5 requests in flight, so the broker keeps each partition's order and drops the producer's own retries),
 * waits for every acknowledgement, and only then marks the whole batch published with one UPDATE in the
 * same database transaction that read it. There are no Kafka transactions: delivery is at least once. The relay
 * reads and marks on a datasource of its own ({@code outbox}: two connections, no JTA, the second for the backlog
 * that health checks read): under load the requests' pool is busy, and a relay queued behind them held events back.
 * What a failure means:
 * <ul>
 * <li>Kafka away or refusing a record: the database transaction rolls back, the rows stay unpublished,
 * the producer is renewed and the batch is sent again after a backoff. Records of the failed attempt that
 * the broker did accept are on the topic twice; the consumer ignores a version it already holds.</li>
 * <li>The database fails after Kafka acknowledged: the same — the batch is sent again, in order.</li>
 * <li>Never: an event on the topic whose change did not commit (rows are read committed), nor a committed
 * event lost (a row is marked only after Kafka acknowledged it).</li>
 * </ul>
 * While Kafka is away rows wait and retries back off. Published rows are deleted after a retention by
 * {@link OutboxPurge}.
 */
@ApplicationScoped
@IfBuildProperty(name = "capaian.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key shared by every relay of one database: "CAPAIAN" in hex-ish (tests hold it to pause the relay). */
    public static final long RELAY_LOCK = 0xCA9A1A4L;

    /** The relay's own connections (see the class comment): its rounds and the backlog; the purge uses the requests' pool. */
    @Inject @DataSource("outbox") AgroalDataSource relayDb;
    @Inject MeterRegistry metrics;
    @Inject OutboxPurge purge;

    @Inject OutboxConfig config;
    @Inject EventsConfig events;
    /** The Kafka extension's property (a mapping of the prefix kafka would claim every kafka.* key): read as it is. */
    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;
    private volatile KafkaProducer<String, String> producer;

    private volatile int consecutiveFailures;
    private volatile String lastError;
    private volatile Backlog lastBacklog = new Backlog(0, 0);
    private static final long BACKLOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private long lastMeasured;
    private Counter publishedCounter;
    private Timer commitToKafka;
    private Timer round;

    void start(@Observes StartupEvent ignored) {
        publishedCounter = Counter.builder("capaian.outbox.published").description("Events relayed to Kafka")
                .register(metrics);
        commitToKafka = Timer.builder("capaian.outbox.delay").description("From commit of a change to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(metrics);
        round = Timer.builder("capaian.outbox.round").description("One round of the relay: read, send, acknowledged, marked")
                .publishPercentiles(0.5, 0.99).register(metrics);
        Gauge.builder("capaian.outbox.backlog", this, r -> r.lastBacklog.messages())
                .description("Committed events not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("capaian.outbox.oldest.age.seconds", this, r -> r.lastBacklog.oldestAgeSeconds())
                .description("Age of the oldest unpublished event").register(metrics);
        Gauge.builder("capaian.outbox.relay.failures", this, OutboxRelay::consecutiveFailures)
                .description("Consecutive failed attempts to reach Kafka").register(metrics);
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    private KafkaProducer<String, String> newProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, events.source() + "-outbox");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis()));
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        // Idempotent without transactions: at most 5 requests in flight keeps each partition's order.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        return new KafkaProducer<>(p);
    }

    /** After a failed attempt: drop the producer (records not yet sent are abandoned) and start afresh. */
    private void renewProducer() {
        KafkaProducer<String, String> old = producer;
        producer = null;
        if (old != null) {
            old.close(Duration.ZERO);
        }
    }

    /** The idempotent producer, created on first use. */
    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = newProducer();
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        wake.release();
        Thread w = worker;
        if (w != null) {
            try {
                w.join(config.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** A transaction that appended to the outbox committed: relay now rather than at the next poll. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        wake.release();
    }

    /** Consecutive failed attempts to reach Kafka (0 when the last attempt succeeded). */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public String lastError() {
        return lastError;
    }

    private void loop() {
        Duration delay = Duration.ZERO;
        while (running) {
            try {
                if (wake.tryAcquire(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!running) {
                return;
            }
            try {
                int sent;
                do {
                    sent = relayBatch();
                } while (sent == config.batchSize() && running);
                if (consecutiveFailures > 0) {
                    LOG.infof("outbox relay reached Kafka again after %d failed attempts", consecutiveFailures);
                }
                consecutiveFailures = 0;
                lastError = null;
                delay = config.pollInterval();
            } catch (RuntimeException e) {
                consecutiveFailures++;
                lastError = e.getMessage();
                renewProducer();
                delay = backoff(consecutiveFailures);
                LOG.warnf("outbox relay attempt %d failed (%s); next try in %d ms", consecutiveFailures,
                        e.getMessage(), delay.toMillis());
            }
            long now = System.nanoTime();
            if (now - lastMeasured >= BACKLOG_EVERY_NANOS || consecutiveFailures > 0) {
                lastMeasured = now; // at most once a second under load: one query less per round
                try {
                    backlog(); // keeps the backlog gauges current
                } catch (RuntimeException e) {
                    LOG.debugf("backlog not measured: %s", e.getMessage());
                }
            }
            try {
                // published rows past the retention, every few minutes (on the requests' pool: under exhaustion
                // this round waits for a connection, once per purge interval)
                purge.purgeIfDue();
            } catch (RuntimeException e) {
                LOG.warnf("outbox purge failed: %s", e.getMessage());
            }
        }
    }

    Duration backoff(int failures) {
        long ms = config.minBackoff().toMillis() << Math.min(failures - 1, 16);
        return Duration.ofMillis(Math.min(ms, config.maxBackoff().toMillis()));
    }

    /**
     * Sends the oldest unpublished rows, waits until Kafka acknowledged every one, then marks them all
     * published with one statement, in the database transaction that read them. Returns how many were sent;
     * a failure rolls the marking back (the rows are sent again later) and is thrown.
     */
    int relayBatch() {
        long started = System.nanoTime();
        int published;
        try (Connection conn = relayDb.getConnection()) {
            conn.setAutoCommit(false);
            try {
                published = relayBatch(conn);
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox not readable: " + e.getMessage(), e);
        }
        if (published > 0) {
            round.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            publishedCounter.increment(published);
        }
        return published;
    }

    private int relayBatch(Connection conn) throws SQLException {
        try (PreparedStatement lock = conn.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet r = lock.executeQuery()) {
                if (!r.next() || !r.getBoolean(1)) {
                    return 0; // another instance relays this database
                }
            }
        }
        List<Row> batch = new ArrayList<>();
        try (PreparedStatement read = conn.prepareStatement("""
                SELECT id, topic, subject, payload, created_at, traceparent FROM outbox
                WHERE published_at IS NULL ORDER BY id LIMIT ?""")) {
            read.setInt(1, config.batchSize());
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    batch.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getObject(5, OffsetDateTime.class), r.getString(6)));
                }
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (Row m : batch) {
            acks.add(kafka.send(record(m)));
        }
        kafka.flush(); // every record acknowledged or failed (delivery.timeout.ms at most)
        for (Future<RecordMetadata> ack : acks) {
            awaitAck(ack);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement mark = conn.prepareStatement("UPDATE outbox SET published_at = ? WHERE id = ANY(?)")) {
            mark.setObject(1, now);
            mark.setArray(2, conn.createArrayOf("bigint", batch.stream().map(Row::id).toArray(Long[]::new)));
            mark.executeUpdate();
        }
        for (Row m : batch) {
            commitToKafka.record(Duration.between(m.createdAt(), now));
        }
        return batch.size();
    }

    /** An unpublished outbox row. */
    private record Row(long id, String topic, String subject, String payload, OffsetDateTime createdAt, String traceparent) {
    }

    private void awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge within " + config.sendTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static ProducerRecord<String, String> record(Row m) {
        ProducerRecord<String, String> r = new ProducerRecord<>(m.topic(), m.subject(), m.payload());
        // CloudEvents Kafka binding: the content type header lets generic tools read structured mode.
        r.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        if (m.traceparent() != null) {
            r.headers().add("traceparent", m.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    /** Unpublished rows and the age of the oldest, for health and metrics; on the relay's datasource, not the requests' pool. */
    public Backlog backlog() {
        try (Connection conn = relayDb.getConnection();
                PreparedStatement s = conn.prepareStatement("SELECT count(*), min(created_at) FROM outbox WHERE published_at IS NULL");
                ResultSet r = s.executeQuery()) {
            r.next();
            long count = r.getLong(1);
            OffsetDateTime oldest = r.getObject(2, OffsetDateTime.class);
            lastBacklog = new Backlog(count, oldest == null ? 0 : Duration.between(oldest.toInstant(), Instant.now()).toSeconds());
            return lastBacklog;
        } catch (SQLException e) {
            throw new IllegalStateException("outbox not readable: " + e.getMessage(), e);
        }
    }

    public record Backlog(long messages, long oldestAgeSeconds) {
    }
}
