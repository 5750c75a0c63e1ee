package id.capaian.core.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.persistence.ArrayRows;
import id.capaian.core.persistence.DryRun;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's transaction, so that the change and its events commit
 * together or not at all. The {@link OutboxRelay} takes them to Kafka after the commit. A write that
 * announces many entities appends them with {@link #appendAll}: one statement for all of them.
 */
@ApplicationScoped
@IfBuildProperty(name = "capaian.outbox.enabled", stringValue = "true")
public class Outbox {

    /** Fired once per append call; observed after a successful commit to wake the relay at once. */
    public record Appended(int events) {
    }

    /** One event to append: its type, schema version of {@code data} (null: the first), subject and version. */
    public record Pending(String type, String dataschema, String subject, long version, Object data) {
    }

    @Inject ObjectMapper json;
    @Inject EntityManager em;
    @Inject Event<Appended> appended;
    @Inject TransactionSynchronizationRegistry tx;
    @Inject DryRun dryRun;

    @Inject EventsConfig stream;

    static String traceparent(SpanContext c) {
        return c.isValid() ? "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex() : null;
    }

    @Transactional(TxType.MANDATORY)
    public <T> CloudEvent<T> append(String type, String subject, long version, T data) {
        return append(type, null, subject, version, data);
    }

    /** As above, for data of a later schema version ({@code dataschema}, e.g. {@code …schema.json#v2}); null in a dry run. */
    @SuppressWarnings("unchecked")
    @Transactional(TxType.MANDATORY)
    public <T> CloudEvent<T> append(String type, String dataschema, String subject, long version, T data) {
        List<CloudEvent<Object>> appended = appendAll(List.of(new Pending(type, dataschema, subject, version, data)));
        return appended.isEmpty() ? null : (CloudEvent<T>) appended.get(0);
    }

    /**
     * Appends every event in the given order (their ids grow in that order): a few with one batched INSERT, many with
     * one INSERT from arrays ({@link ArrayRows}); none in a {@link DryRun}, whose rollback would discard them.
     */
    @Transactional(TxType.MANDATORY)
    public List<CloudEvent<Object>> appendAll(List<Pending> events) {
        if (events.isEmpty() || dryRun.active()) {
            return List.of();
        }
        Instant now = Instant.now();
        OffsetDateTime created = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        String trace = traceparent(Span.current().getSpanContext());
        long epoch = epoch();
        List<Row> rows = new ArrayList<>(events.size());
        for (Pending e : events) {
            CloudEvent<Object> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), stream.source(),
                    e.type(), now, e.subject(), CloudEvent.JSON, e.dataschema(), e.version(), epoch, e.data());
            try {
                rows.add(new Row(event, json.writeValueAsString(event)));
            } catch (JsonProcessingException x) {
                throw new IllegalStateException("event not serializable: " + e.type(), x);
            }
        }
        if (ArrayRows.pays(rows.size())) { // an import's hundreds of events: one statement, ids in the given order
            ArrayRows<Row> u = ArrayRows.of(rows)
                    .column("event_id", "text", String.class, r -> r.event().id())
                    .column("topic", "text", String.class, r -> stream.topic())
                    .column("subject", "text", String.class, r -> r.event().subject())
                    .column("version", "bigint", Long.class, r -> r.event().version())
                    .column("payload", "text", String.class, Row::payload)
                    .column("created_at", "text", String.class, r -> created.toString())
                    .column("traceparent", "text", String.class, r -> trace);
            u.execute(em.unwrap(Session.class), """
                    INSERT INTO outbox (event_id, topic, subject, version, payload, created_at, traceparent)
                    SELECT CAST(event_id AS uuid), topic, subject, version, payload, CAST(created_at AS timestamptz), traceparent
                    FROM %s ORDER BY u.n""".formatted(u.unnestNumbered()));
        } else {
            em.unwrap(Session.class).doWork(conn -> {
                try (PreparedStatement s = conn.prepareStatement("""
                        INSERT INTO outbox (event_id, topic, subject, version, payload, created_at, traceparent)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                    for (Row r : rows) {
                        s.setObject(1, UUID.fromString(r.event().id()));
                        s.setString(2, stream.topic());
                        s.setString(3, r.event().subject());
                        s.setLong(4, r.event().version());
                        s.setString(5, r.payload());
                        s.setObject(6, created);
                        s.setString(7, trace);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            });
        }
        List<CloudEvent<Object>> out = rows.stream().map(Row::event).toList();
        appended.fire(new Appended(out.size()));
        return out;
    }

    /** An event and its serialized form, as the outbox row keeps it. */
    private record Row(CloudEvent<Object> event, String payload) {
    }

    private static final String EPOCH_KEY = Outbox.class.getName() + ".epoch";

    /**
     * The owner's epoch, read once per transaction under a share lock on its row: a concurrent
     * {@link #newEpoch()} waits until this transaction ends, and this one waits for it, so every event of a
     * transaction committed before a re-publication carries the old epoch and every later one the new. Read with
     * plain JDBC after an explicit flush (what a native query would do first), without Hibernate's query handling:
     * every write that announces reads it.
     */
    @Transactional(TxType.MANDATORY)
    public long epoch() {
        Object held = tx.getResource(EPOCH_KEY);
        if (held != null) {
            return (Long) held;
        }
        Session session = em.unwrap(Session.class);
        session.flush();
        long epoch = session.doReturningWork(conn -> {
            try (PreparedStatement s = conn.prepareStatement("SELECT epoch FROM owner_epoch FOR SHARE");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
        tx.putResource(EPOCH_KEY, epoch);
        return epoch;
    }

    /**
     * Starts a new epoch in the caller's transaction and answers it: the larger of the current epoch + 1 and the
     * Unix time in milliseconds, so that it exceeds every epoch issued before this database was restored from a backup.
     * Appends in this transaction after the call carry it; the row stays locked until the commit.
     */
    @Transactional(TxType.MANDATORY)
    public long newEpoch() {
        long epoch = ((Number) em.createNativeQuery("""
                UPDATE owner_epoch SET epoch = greatest(epoch + 1, CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint))
                RETURNING epoch""").getSingleResult()).longValue();
        tx.putResource(EPOCH_KEY, epoch);
        return epoch;
    }
}
