package id.capaian.core.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as DESIGN.md fixes it: {@code subject} is the
 * entity and the Kafka key, {@code version} grows per entity, {@code data} is the entity's full state.
 * {@code dataschema} names the schema version of {@code data} when it is not the first (absent: version 1),
 * so that a consumer reads old and new messages of one type side by side. {@code epoch} is the owner's
 * epoch (a CloudEvents extension attribute; absent in messages older than it: epoch 1): a consumer orders one
 * subject's messages by (epoch, version), so that an owner restored from a backup and re-published in a new
 * epoch replaces what a consumer holds even with lower versions.
 */
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        @JsonInclude(JsonInclude.Include.NON_NULL) String dataschema,
        long version,
        long epoch,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
