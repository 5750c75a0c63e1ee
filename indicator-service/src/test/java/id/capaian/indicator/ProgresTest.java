package id.capaian.indicator;

import static id.capaian.indicator.Api.base;
import static id.capaian.indicator.Api.freshOpd;
import static id.capaian.indicator.Api.progresSubject;
import static id.capaian.indicator.Api.putProgres;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TestTokens;
import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Physical progress (progres fisik) of a sub kegiatan: percent to the end of a month, JSON or Indonesian text,
 * a lower value accepted as a correction, idempotent, audited, and announced as indicator.progres-updated with
 * the whole series through the outbox to Kafka.
 */
@QuarkusTest
class ProgresTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SUB = "2.08.02.2.01.0001";
    static final String SUB2 = "2.08.02.2.01.0002";

    @Inject Db db;

    @Test
    void progressIsStoredReadAnnouncedAndAuditedAndALowerValueIsACorrection() {
        String opd = freshOpd("PROG");
        String subject = progresSubject(opd, SUB);
        String series = base(opd) + "/nodes/" + SUB + "/progres";
        Riwayat.Since trail = new Riwayat.Since(opd);
        given().when().get(series).then().statusCode(200).body("$", hasSize(0)); // the node needs no indicators

        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            putProgres(opd, SUB, 6, "45.5").statusCode(200).body("bulan", contains(6));
            given().contentType("text/plain").body("20,25").when().put(series + "/3").then().statusCode(200)
                    .body("bulan", contains(3, 6));
            // June again, the same value in another form: nothing new
            String snapshot = db.snapshot();
            putProgres(opd, SUB, 6, "45.50").statusCode(200);
            given().contentType("text/plain").body("45,5").when().put(series + "/6").then().statusCode(200);
            assertThat(db.snapshot()).isEqualTo(snapshot);
            // July below June: a correction, accepted
            given().header("Authorization", TestTokens.bearer(TestTokens.token("operator", Api.PEMDA, opd)))
                    .contentType("application/json").body("{\"persen\": 40}").when().put(series + "/7").then()
                    .statusCode(200);

            String body = given().when().get(series).then().statusCode(200)
                    .body("bulan", contains(3, 6, 7)).extract().asString();
            assertThat(body).isEqualTo("[{\"bulan\":3,\"persen\":20.25},{\"bulan\":6,\"persen\":45.50},"
                    + "{\"bulan\":7,\"persen\":40.00}]");

            List<ConsumerRecord<String, String>> seen = probe.awaitRecord(
                    r -> subject.equals(r.key()) && r.value().contains("\"version\":3"), WAIT);
            List<JsonNode> mine = seen.stream().filter(r -> subject.equals(r.key())).map(r -> Messages.valid(r.value()))
                    .toList();
            assertThat(mine).extracting(m -> m.get("version").asLong()).containsExactly(1L, 2L, 3L);
            JsonNode last = mine.get(2);
            assertThat(last.get("type").asText()).isEqualTo("indicator.progres-updated");
            assertThat(last.get("subject").asText()).isEqualTo(subject);
            assertThat(last.get("source").asText()).isEqualTo("indicator-service");
            assertThat(last.has("dataschema")).isFalse();
            assertThat(last.get("data").toString()).isEqualTo("{\"pemda\":\"63.10\",\"tahun\":2024,\"opd\":\"" + opd
                    + "\",\"kode\":\"" + SUB + "\",\"bulanan\":[{\"bulan\":3,\"persen\":20.25},{\"bulan\":6,\"persen\":45.5},"
                    + "{\"bulan\":7,\"persen\":40}],\"removed\":false}");
            assertThat(mine.get(0).get("data").get("bulanan").toString()).isEqualTo("[{\"bulan\":6,\"persen\":45.5}]");
        }
        assertThat(db.outboxVersions(subject)).containsExactly(1L, 2L, 3L);

        List<JsonNode> e = trail.next();
        assertThat(e).hasSize(3);
        AuditTrailTest.assertEntry(e.get(0), opd, "progres.ubah", SUB, "progres/6", null, "{\"persen\": 45.5}");
        AuditTrailTest.assertEntry(e.get(1), opd, "progres.ubah", SUB, "progres/3", null, "{\"persen\": 20.25}");
        AuditTrailTest.assertEntry(e.get(2), opd, "progres.ubah", SUB, "progres/7", null, "{\"persen\": 40}");
        assertThat(e.get(2).get("pelaku").asText()).isEqualTo("dev-operator-" + opd.toLowerCase());

        putProgres(opd, SUB, 6, "50").statusCode(200);
        assertThat(trail.next()).singleElement().satisfies(x -> AuditTrailTest.assertEntry(x, opd, "progres.ubah", SUB,
                "progres/6", "{\"persen\": 45.5}", "{\"persen\": 50}"));
        assertThat(db.outboxVersions(subject)).containsExactly(1L, 2L, 3L, 4L);
        JsonNode v4 = Messages.valid(db.outboxPayloads(subject).get(3));
        assertThat(v4.get("data").get("bulanan").toString())
                .isEqualTo("[{\"bulan\":3,\"persen\":20.25},{\"bulan\":6,\"persen\":50},{\"bulan\":7,\"persen\":40}]");
    }

    @Test
    void theBulkWritesManySubKegiatanInOneTransactionAndAnswersASummary() {
        String opd = freshOpd("PROGBULK");
        String bulk = base(opd) + "/progres/6";
        putProgres(opd, SUB, 6, "10").statusCode(200);
        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            given().contentType("application/json")
                    .body("[{\"kode\": \"" + SUB2 + "\", \"persen\": 60}, {\"kode\": \"" + SUB + "\", \"persen\": 45.5}, "
                            + "{\"kode\": \"2.08.02.2.01.0003\", \"persen\": 0}]")
                    .when().put(bulk).then().statusCode(200)
                    .body("created", is(2)).body("updated", is(1)).body("unchanged", is(0)).body("events", is(3));
            String sub2 = progresSubject(opd, SUB2);
            List<ConsumerRecord<String, String>> seen = probe.awaitRecord(r -> sub2.equals(r.key()), WAIT);
            JsonNode m = Messages.valid(seen.stream().filter(r -> sub2.equals(r.key())).findFirst().orElseThrow().value());
            assertThat(m.get("data").get("bulanan").toString()).isEqualTo("[{\"bulan\":6,\"persen\":60}]");
        }
        String snapshot = db.snapshot();
        given().contentType("application/json")
                .body("[{\"kode\": \"" + SUB + "\", \"persen\": 45.50}, {\"kode\": \"" + SUB2 + "\", \"persen\": 60}]")
                .when().put(bulk).then().statusCode(200)
                .body("created", is(0)).body("updated", is(0)).body("unchanged", is(2)).body("events", is(0));
        assertThat(db.snapshot()).isEqualTo(snapshot);
        given().when().get(base(opd) + "/nodes/" + SUB + "/progres").then().body("persen", contains(45.5f));
        given().when().get(base(opd) + "/nodes/2.08.02.2.01.0003/progres").then().body("persen", contains(0f));
        assertThat(db.outboxVersions(progresSubject(opd, SUB))).containsExactly(1L, 2L);
        assertThat(Riwayat.entries(Api.PEMDA, Api.TAHUN, opd, null)).extracting(x -> x.get("aksi").asText())
                .containsOnly("progres.ubah").hasSize(4);

        // A fault anywhere writes nothing at all.
        given().contentType("application/json")
                .body("[{\"kode\": \"" + SUB + "\", \"persen\": 70}, {\"kode\": \"" + SUB2 + "\", \"persen\": 100.5}]")
                .when().put(bulk).then().statusCode(422).body("errors.field", contains("[1].persen"));
        assertThat(db.snapshot()).isEqualTo(snapshot);
    }
}
