package id.capaian.core.outbox;

import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as DESIGN.md fixes it: {@code subject} is the
 * entity and the Kafka key, {@code version} grows per entity, {@code data} is the entity's full state.
 */
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        long version,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
