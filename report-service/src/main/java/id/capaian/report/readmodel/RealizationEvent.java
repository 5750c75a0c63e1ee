package id.capaian.report.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;

/**
 * A realization-updated CloudEvent as the report reads it: envelope checked, data kept as JSON. {@code epoch} is
 * the owner's epoch (extension attribute; 1 when absent, as in messages from before epochs existed).
 */
public record RealizationEvent(String subject, String source, String type, long version, long epoch, UUID id,
        Instant time, JsonNode data) {

    /**
     * Parses and checks the envelope with the application's mapper (amounts exact); anything malformed is refused
     * with the reason (and dead-lettered).
     */
    public static RealizationEvent parse(ObjectMapper json, String message) {
        JsonNode n;
        try {
            n = json.readTree(message);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!"1.0".equals(text(n, "specversion"))) {
            throw new IllegalArgumentException("specversion must be 1.0");
        }
        JsonNode version = n.get("version");
        if (version == null || !version.canConvertToLong() || version.asLong() < 1) {
            throw new IllegalArgumentException("version must be a positive integer");
        }
        JsonNode epoch = n.get("epoch");
        if (epoch != null && (!epoch.canConvertToLong() || !epoch.isIntegralNumber() || epoch.asLong() < 1)) {
            throw new IllegalArgumentException("epoch must be a positive integer");
        }
        JsonNode data = n.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("data must be an object");
        }
        return new RealizationEvent(text(n, "subject"), text(n, "source"), text(n, "type"), version.asLong(),
                epoch == null ? 1 : epoch.asLong(), UUID.fromString(text(n, "id")), Instant.parse(text(n, "time")), data);
    }

    /** Where this event stands in its subject's history. */
    public Version at() {
        return new Version(epoch, version);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v.asText();
    }
}
