package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Re-publication: GET keadaan answers every sub kegiatan as its event carries it; POST republikasi starts a new
 * epoch (above every earlier one, also after the epoch row went back with a restored backup), appends one event
 * per subject with its current version and full state, and is audited; later changes carry the new epoch.
 */
@QuarkusTest
class RepublicationTest {

    static final String SUB = "2.08.02.2.01.0003";
    static final String BASE = "/api/v1/dpa/63.10/2024";

    @Inject DataSource ds;

    static boolean is(ConsumerRecord<String, String> r, String subject, long epoch, long version) {
        JsonNode e = Events.parse(r.value());
        return subject.equals(r.key()) && e.path("epoch").asLong() == epoch && e.path("version").asLong() == version;
    }

    @Test
    void republishingSendsEveryCurrentStateInANewEpochAndLaterChangesFollowIt() {
        String opd = Seed.newOpd("REP");
        String subject = "63.10/2024/" + opd + "/" + SUB;
        String removed = "63.10/2024/" + opd + "/2.08.02.2.01.0004";
        Events.smallDpa(opd);
        given().contentType("application/json").body("{\"jumlah\": 20000000.00}")
                .put(Seed.base(opd) + "/nodes/" + SUB + "/realisasi/6").then().statusCode(200);
        given().delete(Seed.base(opd) + "/nodes/2.08.02.2.01.0004").then().statusCode(204);

        JsonNode keadaan = Events.parse(given().get(BASE + "/keadaan").then().statusCode(200).extract().asString());
        long before = keadaan.path("epoch").asLong();
        assertThat(before).isPositive();
        JsonNode mine = item(keadaan, subject);
        assertThat(mine.path("type").asText()).isEqualTo("budget.realization-updated");
        assertThat(mine.path("version").asLong()).isEqualTo(2);
        assertThat(mine.path("data").path("realisasi").decimalValue()).isEqualByComparingTo("20000000.00");
        assertThat(item(keadaan, removed).path("data").path("removed").asBoolean()).as("removed ones too").isTrue();

        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            JsonNode hasil = Events.parse(given().post(BASE + "/republikasi").then().statusCode(200).extract().asString());
            long epoch = hasil.path("epoch").asLong();
            assertThat(epoch).isGreaterThan(before);
            assertThat(hasil.path("events").asInt()).isEqualTo(keadaan.path("subjek").size());
            List<ConsumerRecord<String, String>> seen = probe.awaitRecord(r -> is(r, subject, epoch, 2), Duration.ofSeconds(30));
            JsonNode event = Events.parse(seen.stream().filter(r -> is(r, subject, epoch, 2)).findFirst().orElseThrow().value());
            assertThat(event.path("data")).isEqualTo(mine.path("data"));
            assertThat(Events.faults(event.toString())).isEmpty();
            probe.awaitRecord(r -> is(r, removed, epoch, 2), Duration.ofSeconds(30));

            given().contentType("application/json").body("{\"jumlah\": 30000000.00}")
                    .put(Seed.base(opd) + "/nodes/" + SUB + "/realisasi/7").then().statusCode(200);
            probe.awaitRecord(r -> is(r, subject, epoch, 3), Duration.ofSeconds(30));
        }
        assertThat(Seed.query(ds, "SELECT count(*)::text FROM audit_trail WHERE aksi = 'republikasi' AND pemda = '63.10' "
                + "AND tahun = 2024 AND (sesudah->>'epoch')::bigint = ?::bigint", String.valueOf(epochNow()))).isEqualTo("1");
    }

    @Test
    void aNewEpochExceedsEveryEarlierOneEvenAfterARestoreBroughtAnOlderEpochBack() {
        long first = Events.parse(given().post(BASE + "/republikasi").then().statusCode(200).extract().asString())
                .path("epoch").asLong();
        update("UPDATE owner_epoch SET epoch = 1"); // what restoring a backup taken before the re-publication does
        long second = Events.parse(given().post(BASE + "/republikasi").then().statusCode(200).extract().asString())
                .path("epoch").asLong();
        assertThat(second).isGreaterThan(first);
        assertThat(epochNow()).isEqualTo(second);
    }

    @Test
    void aMalformedPemdaYearIsRefused() {
        given().post("/api/v1/dpa/63.10/1999/republikasi").then().statusCode(400);
        given().get("/api/v1/dpa/63.10/20x4/keadaan").then().statusCode(400);
    }

    private long epochNow() {
        return Long.parseLong(Seed.query(ds, "SELECT epoch::text FROM owner_epoch"));
    }

    private static JsonNode item(JsonNode keadaan, String subject) {
        for (JsonNode s : keadaan.path("subjek")) {
            if (subject.equals(s.path("subject").asText())) {
                return s;
            }
        }
        throw new AssertionError(subject + " not in " + keadaan);
    }

    private void update(String sql) {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
