package id.capaian.indicator;

import static id.capaian.indicator.Api.freshOpd;
import static id.capaian.indicator.Api.indikator;
import static id.capaian.indicator.Api.node;
import static id.capaian.indicator.Api.putNodes;
import static id.capaian.indicator.Api.putProgres;
import static id.capaian.indicator.Api.putRealisasi;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Re-publication: GET keadaan answers every indicator and progress series as their events carry them; POST
 * republikasi starts a new epoch and appends one valid event per subject with its current version, and later
 * changes carry the new epoch.
 */
@QuarkusTest
class RepublicationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String BASE = "/api/v1/indikator/63.10/2024";

    static boolean is(ConsumerRecord<String, String> r, String subject, long epoch, long version) {
        JsonNode e = Messages.read(r.value());
        return subject.equals(r.key()) && e.path("epoch").asLong() == epoch && e.path("version").asLong() == version;
    }

    @Test
    void republishingSendsEveryCurrentStateInANewEpochAndLaterChangesFollowIt() {
        String opd = freshOpd("REP");
        String subject = Api.subject(opd, "2.08.02", 1);
        String progres = Api.progresSubject(opd, "2.08.02.2.01.0003");
        putNodes(opd, node("2.08.02", indikator("Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten",
                "%", "positif", null, "65"))).statusCode(200);
        putRealisasi(opd, "2.08.02", 1, 12, "27.54").statusCode(200);
        putProgres(opd, "2.08.02.2.01.0003", 6, "40").statusCode(200);

        JsonNode keadaan = Messages.read(given().get(BASE + "/keadaan").then().statusCode(200).extract().asString());
        long before = keadaan.path("epoch").asLong();
        JsonNode mine = item(keadaan, subject);
        assertThat(mine.path("type").asText()).isEqualTo("indicator.realization-updated");
        assertThat(mine.path("version").asLong()).isEqualTo(2);
        assertThat(item(keadaan, progres).path("type").asText()).isEqualTo("indicator.progres-updated");

        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            JsonNode hasil = Messages.read(given().post(BASE + "/republikasi").then().statusCode(200).extract().asString());
            long epoch = hasil.path("epoch").asLong();
            assertThat(epoch).isGreaterThan(before);
            assertThat(hasil.path("events").asInt()).isEqualTo(keadaan.path("subjek").size());
            List<ConsumerRecord<String, String>> seen = probe.awaitRecord(r -> is(r, subject, epoch, 2), WAIT);
            JsonNode event = Messages.valid(seen.stream().filter(r -> is(r, subject, epoch, 2)).findFirst().orElseThrow().value());
            assertThat(event.path("data")).isEqualTo(mine.path("data"));
            seen = probe.awaitRecord(r -> is(r, progres, epoch, 1), WAIT);
            Messages.valid(seen.stream().filter(r -> is(r, progres, epoch, 1)).findFirst().orElseThrow().value());

            putRealisasi(opd, "2.08.02", 1, 12, "30.10").statusCode(200);
            probe.awaitRecord(r -> is(r, subject, epoch, 3), WAIT);
        }
    }

    private static JsonNode item(JsonNode keadaan, String subject) {
        for (JsonNode s : keadaan.path("subjek")) {
            if (subject.equals(s.path("subject").asText())) {
                return s;
            }
        }
        throw new AssertionError(subject + " not in " + keadaan);
    }
}
