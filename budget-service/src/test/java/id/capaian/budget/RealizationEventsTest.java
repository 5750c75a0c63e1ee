package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every committed change of a sub kegiatan reaches the topic once, keyed by subject, valid against the schema. */
@QuarkusTest
class RealizationEventsTest {

    static final String SUB = "2.08.02.2.01.0003";

    @Inject DataSource ds;

    static List<ConsumerRecord<String, String>> of(List<ConsumerRecord<String, String>> seen, String subject) {
        return seen.stream().filter(r -> subject.equals(r.key())).toList();
    }

    static boolean hasVersion(ConsumerRecord<String, String> r, String subject, long version) {
        return subject.equals(r.key()) && Events.parse(r.value()).path("version").asLong() == version;
    }

    @Test
    void aRealizationPutPublishesOneValidMessageWithTheNextVersion() {
        String opd = Seed.newOpd("EVT");
        String subject = "63.10/2024/" + opd + "/" + SUB;
        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            Events.smallDpa(opd);
            probe.awaitRecord(r -> hasVersion(r, subject, 1), Duration.ofSeconds(30));
            given().contentType("application/json").body("{\"jumlah\": 20000000.00}")
                    .put(Seed.base(opd) + "/nodes/" + SUB + "/realisasi/6").then().statusCode(200);
            given().contentType("application/json").body("{\"jumlah\": 55926300.00}")
                    .put(Seed.base(opd) + "/nodes/" + SUB + "/realisasi/12").then().statusCode(200);
            // the same again: no message
            given().contentType("application/json").body("{\"jumlah\": 55926300}")
                    .put(Seed.base(opd) + "/nodes/" + SUB + "/realisasi/12").then().statusCode(200);
            String marker = "63.10/2024/" + opd + "/2.08.02.2.01.0004";
            given().contentType("application/json").body("{\"jumlah\": 1.00}")
                    .put(Seed.base(opd) + "/nodes/2.08.02.2.01.0004/realisasi/1").then().statusCode(200);
            probe.awaitRecord(r -> hasVersion(r, subject, 3), Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> seen = probe.awaitRecord(r -> hasVersion(r, marker, 2), Duration.ofSeconds(30));

            List<ConsumerRecord<String, String>> mine = of(seen, subject);
            assertThat(mine).extracting(r -> Events.parse(r.value()).path("version").asLong()).containsExactly(1L, 2L, 3L);
            for (var r : seen) {
                if (r.key().startsWith("63.10/2024/" + opd + "/")) {
                    assertThat(Events.faults(r.value())).as("schema faults of %s", r.value()).isEmpty();
                }
            }
            JsonNode e = Events.parse(mine.get(2).value());
            assertThat(e.path("type").asText()).isEqualTo("budget.realization-updated");
            assertThat(e.path("source").asText()).isEqualTo("budget-service");
            assertThat(e.path("subject").asText()).isEqualTo(subject);
            JsonNode d = e.path("data");
            assertThat(d.path("pemda").asText()).isEqualTo("63.10");
            assertThat(d.path("tahun").asInt()).isEqualTo(2024);
            assertThat(d.path("opd").asText()).isEqualTo(opd);
            assertThat(d.path("kode").asText()).isEqualTo(SUB);
            assertThat(d.path("kegiatan").path("kode").asText()).isEqualTo("2.08.02.2.01");
            assertThat(d.path("program").path("uraian").asText()).isEqualTo("Program Pengarusutamaan Gender dan Pemberdayaan Perempuan");
            assertThat(d.path("pagu").decimalValue()).isEqualByComparingTo("73810300.00");
            assertThat(d.path("realisasi").decimalValue()).isEqualByComparingTo("55926300.00");
            assertThat(d.path("bulan").asInt()).isEqualTo(12);
            assertThat(mine.get(2).value()).contains("\"bulanan\":[{\"bulan\":6,\"jumlah\":20000000.00},{\"bulan\":12,\"jumlah\":55926300.00}]");
            assertThat(d.path("removed").asBoolean()).isFalse();
            JsonNode first = Events.parse(mine.get(0).value()).path("data");
            assertThat(first.path("realisasi").decimalValue()).isEqualByComparingTo("0");
            assertThat(first.path("bulan").isNull()).isTrue();
            assertThat(first.path("bulanan").size()).isZero();
        }
        assertThat(Seed.outboxRows(ds, opd)).isEqualTo(2 + 2 + 1);
    }

    @Test
    void aRenamedKegiatanReannouncesItsSubKegiatanAndARemovalIsAnnounced() {
        String opd = Seed.newOpd("REN");
        String s3 = "63.10/2024/" + opd + "/" + SUB;
        String s4 = "63.10/2024/" + opd + "/2.08.02.2.01.0004";
        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            Events.smallDpa(opd);
            given().contentType("application/json").body("[{\"kode\": \"2.08.02.2.01\", \"uraian\": \"Kegiatan baru\"}]")
                    .put(Seed.base(opd) + "/nodes").then().statusCode(200)
                    .body("updated", org.hamcrest.Matchers.is(1)).body("events", org.hamcrest.Matchers.is(2));
            given().delete(Seed.base(opd) + "/nodes/2.08.02.2.01.0004").then().statusCode(204);
            given().get(Seed.base(opd) + "/nodes/2.08.02.2.01.0004").then().statusCode(404);
            // created again: its version keeps growing
            given().contentType("application/json").body("[{\"kode\": \"2.08.02.2.01.0004\", \"uraian\": \"Lagi\", \"pagu\": 5}]")
                    .put(Seed.base(opd) + "/nodes").then().statusCode(200).body("created", org.hamcrest.Matchers.is(1));
            List<ConsumerRecord<String, String>> seen = probe.awaitRecord(r -> hasVersion(r, s4, 4), Duration.ofSeconds(30));
            seen = probe.awaitRecord(r -> hasVersion(r, s3, 2), Duration.ofSeconds(30));
            JsonNode renamed = Events.parse(of(seen, s3).get(1).value()).path("data");
            assertThat(renamed.path("kegiatan").path("uraian").asText()).isEqualTo("Kegiatan baru");
            List<JsonNode> four = of(seen, s4).stream().map(r -> Events.parse(r.value())).toList();
            assertThat(four).extracting(n -> n.path("version").asLong()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(four.get(2).path("data").path("removed").asBoolean()).isTrue();
            assertThat(four.get(3).path("data").path("removed").asBoolean()).isFalse();
            assertThat(four.get(3).path("data").path("uraian").asText()).isEqualTo("Lagi");
            for (var r : seen) {
                if (r.key().startsWith("63.10/2024/" + opd + "/")) {
                    assertThat(Events.faults(r.value())).as("schema faults of %s", r.value()).isEmpty();
                }
            }
        }
    }
}
