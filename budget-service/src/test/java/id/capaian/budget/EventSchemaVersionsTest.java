package id.capaian.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Old messages stay readable: the version 1 schema, kept unchanged, still accepts a stored version 1 message,
 * which the version 2 schema (dataschema, paguMurni, rak, renstra required) does not.
 */
class EventSchemaVersionsTest {

    static final String V1 = """
            {"specversion": "1.0", "id": "0b7d1f6e-3c1a-4b8e-9a57-2f4f3c1d9e10", "source": "budget-service",
             "type": "budget.realization-updated", "time": "2024-12-31T08:00:00Z",
             "subject": "63.10/2024/P3AP2KB/2.08.02.2.01.0003", "datacontenttype": "application/json", "version": 3,
             "data": {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "kode": "2.08.02.2.01.0003",
                      "uraian": "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG",
                      "kegiatan": {"kode": "2.08.02.2.01", "uraian": "Pelembagaan Pengarusutamaan Gender (PUG)"},
                      "program": {"kode": "2.08.02", "uraian": "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan"},
                      "pagu": 73810300.00, "realisasi": 55926300.00, "bulan": 12,
                      "bulanan": [{"bulan": 6, "jumlah": 20000000.00}, {"bulan": 12, "jumlah": 55926300.00}],
                      "removed": false}}""";

    static String v2(String rak, String renstra) {
        return V1.replace("\"datacontenttype\": \"application/json\",", "\"datacontenttype\": \"application/json\", "
                        + "\"dataschema\": \"https://capaian.id/schemas/budget.realization-updated.v2.schema.json\",")
                .replace("\"pagu\": 73810300.00,", "\"pagu\": 73810300.00, \"paguMurni\": 70000000.00, \"rak\": " + rak
                        + ", \"renstra\": " + renstra + ",")
                .replace("\"uraian\": \"Pelembagaan Pengarusutamaan Gender (PUG)\"",
                        "\"uraian\": \"Pelembagaan Pengarusutamaan Gender (PUG)\", \"renstra\": null");
    }

    @Test
    void aStoredVersion1MessageIsStillValidAgainstTheVersion1Schema() {
        assertThat(Events.SCHEMA_V1.validate(Events.parse(V1))).isEmpty();
        assertThat(Events.SCHEMA.validate(Events.parse(V1))).as("v1 data lacks the v2 fields").isNotEmpty();
    }

    @Test
    void theVersion2SchemaChecksTheNewFields() {
        String twelve = "[0, 5000000.00, 5000000, 6000000, 6000000, 6000000, 7000000, 7000000, 7000000, 8000000, 8000000, 8810300]";
        assertThat(Events.SCHEMA.validate(Events.parse(v2(twelve, "{\"pagu\": 1000000000.00, \"realisasiSebelumnya\": null}"))))
                .isEmpty();
        assertThat(Events.SCHEMA.validate(Events.parse(v2("null", "null")))).isEmpty();
        assertThat(Events.SCHEMA.validate(Events.parse(v2("[1, 2]", "null")))).as("11 months short").isNotEmpty();
        assertThat(Events.SCHEMA.validate(Events.parse(v2(twelve.replace("[0,", "[-1,"), "null")))).isNotEmpty();
        assertThat(Events.SCHEMA.validate(Events.parse(v2("null", "{\"pagu\": 1}")))).as("both renstra fields").isNotEmpty();
        assertThat(Events.SCHEMA_V1.validate(Events.parse(v2("null", "null")))).as("v1 readers see a new version").isNotEmpty();
    }
}
