package id.capaian.core.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Appends an event to the outbox inside the caller's transaction, so that the change and its event
 * commit together or not at all. The {@link OutboxRelay} takes it to Kafka after the commit.
 */
@ApplicationScoped
@IfBuildProperty(name = "capaian.outbox.enabled", stringValue = "true")
public class Outbox {

    /** Fired with each append; observed after a successful commit to wake the relay at once. */
    public record Appended(long id) {
    }

    @Inject ObjectMapper json;
    @Inject Event<Appended> appended;
    @Inject EntityManager em;
    @Inject TransactionSynchronizationRegistry tx;

    @ConfigProperty(name = "capaian.events.source") String source;
    @ConfigProperty(name = "capaian.events.topic", defaultValue = "realization-updated") String topic;

    static String traceparent(SpanContext c) {
        return c.isValid() ? "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex() : null;
    }

    @Transactional(TxType.MANDATORY)
    public <T> CloudEvent<T> append(String type, String subject, long version, T data) {
        return append(type, null, subject, version, data);
    }

    /** As above, for data of a later schema version ({@code dataschema}, e.g. {@code …schema.json#v2}). */
    @Transactional(TxType.MANDATORY)
    public <T> CloudEvent<T> append(String type, String dataschema, String subject, long version, T data) {
        Instant now = Instant.now();
        CloudEvent<T> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source,
                type, now, subject, CloudEvent.JSON, dataschema, version, epoch(), data);
        OutboxMessage m = new OutboxMessage();
        m.eventId = UUID.fromString(event.id());
        m.topic = topic;
        m.subject = subject;
        m.version = version;
        m.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        m.traceparent = traceparent(Span.current().getSpanContext());
        try {
            m.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable: " + type, e);
        }
        m.persist();
        appended.fire(new Appended(m.id));
        return event;
    }

    private static final String EPOCH_KEY = Outbox.class.getName() + ".epoch";

    /**
     * The owner's epoch, read once per transaction under a share lock on its row: a concurrent
     * {@link #newEpoch()} waits until this transaction ends, and this one waits for it, so every event of a
     * transaction committed before a re-publication carries the old epoch and every later one the new.
     */
    @Transactional(TxType.MANDATORY)
    public long epoch() {
        Object held = tx.getResource(EPOCH_KEY);
        if (held != null) {
            return (Long) held;
        }
        long epoch = ((Number) em.createNativeQuery("SELECT epoch FROM owner_epoch FOR SHARE").getSingleResult())
                .longValue();
        tx.putResource(EPOCH_KEY, epoch);
        return epoch;
    }

    /**
     * Starts a new epoch in the caller's transaction and answers it: the larger of the current epoch + 1 and the
     * Unix time in seconds, so that it exceeds every epoch issued before this database was restored from a backup.
     * Appends in this transaction after the call carry it; the row stays locked until the commit.
     */
    @Transactional(TxType.MANDATORY)
    public long newEpoch() {
        long epoch = ((Number) em.createNativeQuery("""
                UPDATE owner_epoch SET epoch = greatest(epoch + 1, CAST(extract(epoch FROM clock_timestamp()) AS bigint))
                RETURNING epoch""").getSingleResult()).longValue();
        tx.putResource(EPOCH_KEY, epoch);
        return epoch;
    }
}
