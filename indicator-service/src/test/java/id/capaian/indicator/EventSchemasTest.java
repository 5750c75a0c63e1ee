package id.capaian.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The published schemas against their own examples: data version 1 stays readable (a stored v1 message is valid
 * under the v1 schema, kept unchanged), version 2 and the progres event validate theirs, and neither
 * realization-updated version passes for the other.
 */
class EventSchemasTest {

    static JsonNode example(String schema) throws IOException {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream("/META-INF/schemas/" + schema)) {
            return Messages.JSON.readTree(in).get("examples").get(0);
        }
    }

    @Test
    void aStoredVersion1MessageIsValidUnderVersion1AndNotUnderVersion2() throws IOException {
        JsonNode v1 = example("indicator.realization-updated.schema.json");
        assertThat(v1.has("dataschema")).isFalse();
        Messages.valid(v1, Messages.SCHEMA_V1);
        assertThat(Messages.SCHEMA_V2.validate(v1)).isNotEmpty();
    }

    @Test
    void version2HasEveryVersion1FieldPlusTheNewOnes() throws IOException {
        JsonNode v2 = example("indicator.realization-updated.v2.schema.json");
        Messages.valid(v2, Messages.SCHEMA_V2);
        assertThat(v2.get("dataschema").asText()).isEqualTo(Messages.V2);
        assertThat(Messages.SCHEMA_V1.validate(v2)).isNotEmpty();
        JsonNode v1 = example("indicator.realization-updated.schema.json");
        v1.get("data").fieldNames().forEachRemaining(f -> assertThat(v2.get("data").has(f)).as(f).isTrue());
    }

    @Test
    void theProgresExampleIsValidAndAWrongPercentIsNot() throws IOException {
        JsonNode p = example("indicator.progres-updated.schema.json");
        Messages.valid(p, Messages.PROGRES);
        ((com.fasterxml.jackson.databind.node.ObjectNode) p.get("data").get("bulanan").get(0)).put("persen", 100.5);
        assertThat(Messages.PROGRES.validate(p)).isNotEmpty();
    }
}
