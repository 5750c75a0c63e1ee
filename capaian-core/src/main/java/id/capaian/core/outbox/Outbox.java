package id.capaian.core.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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
                type, now, subject, CloudEvent.JSON, dataschema, version, data);
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
}
