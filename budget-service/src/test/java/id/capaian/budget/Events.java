package id.capaian.budget;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Reads produced messages and checks them against the documented JSON Schema. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** The schema of the messages produced now (data version 2). */
    static final JsonSchema SCHEMA = load("budget.realization-updated.v2.schema.json");
    /** The schema of the messages produced before (data version 1, no dataschema), kept for stored messages. */
    static final JsonSchema SCHEMA_V1 = load("budget.realization-updated.schema.json");

    private Events() {
    }

    private static JsonSchema load(String file) {
        try (InputStream in = Events.class.getResourceAsStream("/META-INF/schemas/" + file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String message) {
        try {
            return JSON.readTree(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version 2 schema's faults of a message (empty when valid). */
    static Set<ValidationMessage> faults(String message) {
        return SCHEMA.validate(parse(message));
    }

    /** A small DPA: program 2.08.02, kegiatan 2.08.02.2.01 and its two sub kegiatan, from the seed. */
    static void smallDpa(String opd) {
        given().contentType("application/json").body("""
                [{"kode": "2.08.02", "uraian": "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan"},
                 {"kode": "2.08.02.2.01", "uraian": "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota"},
                 {"kode": "2.08.02.2.01.0003", "uraian": "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG", "pagu": 73810300.00},
                 {"kode": "2.08.02.2.01.0004", "uraian": "Sosialisasi Kebijakan Pelaksanaan PUG termasuk PPRG", "pagu": 11296600.00}]""")
                .put(Seed.base(opd) + "/nodes").then().statusCode(200);
    }
}
