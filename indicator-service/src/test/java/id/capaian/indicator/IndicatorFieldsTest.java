package id.capaian.indicator;

import static id.capaian.indicator.Api.base;
import static id.capaian.indicator.Api.freshOpd;
import static id.capaian.indicator.Api.putNodes;
import static id.capaian.indicator.Api.putRealisasi;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * agregasi, renstra and a program's sasaran: stated in the nodes PUT (its full state: left out means none),
 * returned by every read, carried by every indicator event (data version 2), audited; a changed sasaran
 * re-announces the node's indicators.
 */
@QuarkusTest
class IndicatorFieldsTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SASARAN = "Meningkatnya pengarusutamaan gender dalam pembangunan daerah";

    @Inject Db db;

    static String dokumen(String agregasi, String renstra) {
        return "{\"nama\": \"Jumlah dokumen\", \"satuan\": \"dokumen\", \"polaritas\": \"positif\", \"target\": 12"
                + (agregasi == null ? "" : ", \"agregasi\": \"" + agregasi + "\"")
                + (renstra == null ? "" : ", \"renstra\": " + renstra) + "}";
    }

    static String unmet(String agregasi) {
        return "{\"nama\": \"Unmet need\", \"satuan\": \"%\", \"polaritas\": \"negatif\", \"target\": 8"
                + (agregasi == null ? "" : ", \"agregasi\": \"" + agregasi + "\"") + "}";
    }

    static String program(String sasaran, String... indikator) {
        return "{\"kode\": \"2.08.02\", \"indikator\": [" + String.join(", ", indikator) + "]"
                + (sasaran == null ? "" : ", \"sasaran\": \"" + sasaran + "\"") + "}";
    }

    @Test
    void theFieldsAreStoredReturnedAnnouncedAndAudited() {
        String opd = freshOpd("V2");
        String s1 = Api.subject(opd, "2.08.02", 1);
        String s2 = Api.subject(opd, "2.08.02", 2);
        Riwayat.Since trail = new Riwayat.Since(opd);
        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            putNodes(opd, program(" " + SASARAN + " ", dokumen("jumlah", "{\"target\": 60, \"realisasiSebelumnya\": 40}"),
                    unmet("akhir")), "{\"kode\": \"2.08.03\", \"indikator\": [" + dokumen(null, null) + "]}")
                    .statusCode(200)
                    .body("agregasi", contains("jumlah", "akhir", "akhir"))
                    .body("sasaran", contains(SASARAN, SASARAN, null))
                    .body("[0].renstra.target", is(60)).body("[0].renstra.realisasiSebelumnya", is(40))
                    .body("[1].renstra", nullValue()).body("[2].renstra", nullValue());

            List<ConsumerRecord<String, String>> seen = probe.awaitRecord(r -> s2.equals(r.key()), WAIT);
            JsonNode d = Messages.valid(seen.stream().filter(r -> s1.equals(r.key())).findFirst().orElseThrow().value())
                    .get("data");
            assertThat(d.get("agregasi").asText()).isEqualTo("jumlah");
            assertThat(d.get("renstra").toString()).isEqualTo("{\"target\":60,\"realisasiSebelumnya\":40}");
            assertThat(d.get("sasaran").asText()).isEqualTo(SASARAN);
            JsonNode d2 = Messages.valid(seen.stream().filter(r -> s2.equals(r.key())).findFirst().orElseThrow().value())
                    .get("data");
            assertThat(d2.get("agregasi").asText()).isEqualTo("akhir");
            assertThat(d2.get("renstra").isNull()).isTrue();
        }
        List<JsonNode> e = trail.next();
        assertThat(e).extracting(x -> x.get("aksi").asText())
                .containsExactly("sasaran.ubah", "indikator.buat", "indikator.buat", "indikator.buat");
        AuditTrailTest.assertEntry(e.get(0), opd, "sasaran.ubah", "2.08.02", "sasaran", null,
                "{\"sasaran\": \"" + SASARAN + "\"}");
        assertThat(e.get(1).get("sesudah").get("agregasi").asText()).isEqualTo("jumlah");
        assertThat(e.get(1).get("sesudah").get("renstra").toString()).isEqualTo("{\"target\":60,\"realisasiSebelumnya\":40}");

        // Reads return them; a realization's event carries them too.
        given().when().get(base(opd) + "/nodes/2.08.02").then().statusCode(200)
                .body("sasaran", contains(SASARAN, SASARAN)).body("agregasi", contains("jumlah", "akhir"));
        given().when().get(base(opd)).then().statusCode(200).body("sasaran", contains(SASARAN, SASARAN, null));
        putRealisasi(opd, "2.08.02", 1, 3, "2").statusCode(200).body("sasaran", is(SASARAN)).body("agregasi", is("jumlah"));
        JsonNode afterRealisasi = Messages.valid(db.outboxPayloads(s1).get(1)).get("data");
        assertThat(afterRealisasi.get("sasaran").asText()).isEqualTo(SASARAN);
        assertThat(afterRealisasi.get("renstra").get("target").asInt()).isEqualTo(60);
        assertThat(trail.next()).extracting(x -> x.get("aksi").asText()).containsExactly("realisasi.ubah");

        // The same state again: nothing announced, nothing audited.
        String snapshot = db.snapshot();
        putNodes(opd, program(SASARAN, dokumen("jumlah", "{\"target\": 60.0, \"realisasiSebelumnya\": 40}"), unmet(null)),
                "{\"kode\": \"2.08.03\", \"indikator\": [" + dokumen("akhir", "{\"target\": null, \"realisasiSebelumnya\": null}")
                        + "]}").statusCode(200);
        assertThat(db.snapshot()).isEqualTo(snapshot);

        // A new sasaran re-announces both indicators of the node (and nothing else), audited once.
        putNodes(opd, program("Sasaran baru", dokumen("jumlah", "{\"target\": 60, \"realisasiSebelumnya\": 40}"), unmet(null)))
                .statusCode(200);
        assertThat(db.outboxVersions(s1)).containsExactly(1L, 2L, 3L);
        assertThat(db.outboxVersions(s2)).containsExactly(1L, 2L);
        assertThat(db.outboxVersions(Api.subject(opd, "2.08.03", 1))).containsExactly(1L);
        assertThat(Messages.valid(db.outboxPayloads(s2).get(1)).get("data").get("sasaran").asText()).isEqualTo("Sasaran baru");
        e = trail.next();
        assertThat(e).singleElement().satisfies(x -> AuditTrailTest.assertEntry(x, opd, "sasaran.ubah", "2.08.02", "sasaran",
                "{\"sasaran\": \"" + SASARAN + "\"}", "{\"sasaran\": \"Sasaran baru\"}"));

        // The PUT states the node in full: renstra, agregasi and sasaran left out are cleared (agregasi to akhir).
        putNodes(opd, program(null, dokumen(null, null), unmet(null))).statusCode(200)
                .body("agregasi", contains("akhir", "akhir")).body("renstra", contains(nullValue(), nullValue()))
                .body("sasaran", contains(nullValue(), nullValue()));
        e = trail.next();
        assertThat(e).extracting(x -> x.get("aksi").asText()).containsExactly("sasaran.ubah", "indikator.ubah");
        AuditTrailTest.assertEntry(e.get(0), opd, "sasaran.ubah", "2.08.02", "sasaran",
                "{\"sasaran\": \"Sasaran baru\"}", null);
        assertThat(e.get(1).get("sebelum").get("agregasi").asText()).isEqualTo("jumlah");
        assertThat(e.get(1).get("sesudah").get("agregasi").asText()).isEqualTo("akhir");
        assertThat(e.get(1).get("sesudah").get("renstra").isNull()).isTrue();
        JsonNode cleared = Messages.valid(db.outboxPayloads(s1).get(3)).get("data");
        assertThat(cleared.get("sasaran").isNull()).isTrue();
        assertThat(cleared.get("renstra").isNull()).isTrue();
        assertThat(cleared.get("agregasi").asText()).isEqualTo("akhir");
        assertThat(Messages.valid(db.outboxPayloads(s2).get(2)).get("data").get("sasaran").isNull()).isTrue();

        // A sasaran of a program without indicators is kept and shown once it has one.
        putNodes(opd, program(SASARAN)).statusCode(200);
        putNodes(opd, program(SASARAN, dokumen(null, "{\"target\": 60, \"realisasiSebelumnya\": null}"))).statusCode(200)
                .body("[0].sasaran", is(SASARAN)).body("[0].renstra.target", is(60))
                .body("[0].renstra.realisasiSebelumnya", nullValue());
    }

    @Test
    void aRemovedIndicatorsTombstoneCarriesTheNodesSasaran() {
        String opd = freshOpd("V2DEL");
        putNodes(opd, program(SASARAN, dokumen(null, null))).statusCode(200);
        given().when().delete(base(opd) + "/nodes/2.08.02/indikator/1").then().statusCode(204);
        JsonNode removed = Messages.valid(db.outboxPayloads(Api.subject(opd, "2.08.02", 1)).get(1)).get("data");
        assertThat(removed.get("removed").asBoolean()).isTrue();
        assertThat(removed.get("sasaran").asText()).isEqualTo(SASARAN);
    }
}
