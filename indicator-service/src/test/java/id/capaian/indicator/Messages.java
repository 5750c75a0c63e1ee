package id.capaian.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;

/** Reads produced messages and checks them against the documented JSON Schema of their type and data version. */
final class Messages {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String V2 = "https://capaian.id/schemas/indicator.realization-updated.v2.schema.json";
    /** Data version 1: what the service published before version 2, still read by consumers. */
    static final JsonSchema SCHEMA_V1 = load("indicator.realization-updated.schema.json");
    static final JsonSchema SCHEMA_V2 = load("indicator.realization-updated.v2.schema.json");
    static final JsonSchema PROGRES = load("indicator.progres-updated.schema.json");

    private Messages() {
    }

    static JsonSchema load(String name) {
        try (InputStream in = Messages.class.getResourceAsStream("/META-INF/schemas/" + name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses a message and asserts it conforms to the schema of its type: an indicator.realization-updated
     * message the service produces now is data version 2 (its dataschema says so); a progres message the
     * progres schema.
     */
    static JsonNode valid(String message) {
        JsonNode node = read(message);
        String type = node.path("type").asText();
        if (type.equals("indicator.progres-updated")) {
            return valid(node, PROGRES);
        }
        assertThat(node.path("dataschema").asText()).as("dataschema of %s", message).isEqualTo(V2);
        return valid(node, SCHEMA_V2);
    }

    static JsonNode valid(JsonNode node, JsonSchema schema) {
        assertThat(schema.validate(node)).as("schema violations of %s", node).isEmpty();
        return node;
    }

    static JsonNode read(String message) {
        try {
            return JSON.readTree(message);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
