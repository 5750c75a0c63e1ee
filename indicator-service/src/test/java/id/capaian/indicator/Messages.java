package id.capaian.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;

/** Reads produced messages and checks them against the documented JSON Schema. */
final class Messages {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchema SCHEMA = load();

    private Messages() {
    }

    private static JsonSchema load() {
        try (InputStream in = Messages.class.getResourceAsStream(
                "/META-INF/schemas/indicator.realization-updated.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a message and asserts it conforms to the schema. */
    static JsonNode valid(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            assertThat(SCHEMA.validate(node)).as("schema violations of %s", message).isEmpty();
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
