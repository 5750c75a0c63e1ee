package id.capaian.indicator;

import static id.capaian.indicator.Api.base;
import static id.capaian.indicator.Api.freshOpd;
import static id.capaian.indicator.Api.indikator;
import static id.capaian.indicator.Api.node;
import static id.capaian.indicator.Api.putNodes;
import static id.capaian.indicator.Api.putRealisasi;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every committed change announces the indicator's full state once, through the outbox, to Kafka. */
@QuarkusTest
class IndicatorEventsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject Db db;

    @Test
    void aRealizationPutPublishesOneMessageWithTheFullStateThenRemovalAnnouncesRemoved() {
        String opd = freshOpd("EVT");
        String subject = Api.subject(opd, "2.08.02", 1);
        try (TopicProbe probe = TopicProbe.open("realization-updated")) {
            putNodes(opd, node("2.08.02", indikator("Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten",
                    "%", "positif", null, "65"))).statusCode(200);
            putRealisasi(opd, "2.08.02", 1, 12, "27.54").statusCode(200);

            List<ConsumerRecord<String, String>> seen = probe.awaitRecord(
                    r -> subject.equals(r.key()) && r.value().contains("\"version\":2"), WAIT);
            List<JsonNode> mine = seen.stream().filter(r -> subject.equals(r.key())).map(r -> Messages.valid(r.value())).toList();
            assertThat(mine).extracting(m -> m.get("version").asLong()).containsExactly(1L, 2L);
            JsonNode m = mine.get(1);
            assertThat(m.get("type").asText()).isEqualTo("indicator.realization-updated");
            assertThat(m.get("source").asText()).isEqualTo("indicator-service");
            assertThat(m.get("subject").asText()).isEqualTo(subject);
            JsonNode d = m.get("data");
            assertThat(d.get("pemda").asText()).isEqualTo("63.10");
            assertThat(d.get("tahun").asInt()).isEqualTo(2024);
            assertThat(d.get("opd").asText()).isEqualTo(opd);
            assertThat(d.get("kode").asText()).isEqualTo("2.08.02");
            assertThat(d.get("nomor").asInt()).isEqualTo(1);
            assertThat(d.get("satuan").asText()).isEqualTo("%");
            assertThat(d.get("polaritas").asText()).isEqualTo("positif");
            assertThat(d.get("rumus").isNull()).isTrue();
            assertThat(d.get("target").toString()).isEqualTo("65");
            assertThat(d.get("realisasi").toString()).isEqualTo("27.54");
            assertThat(d.get("bulan").asInt()).isEqualTo(12);
            assertThat(d.get("capaian").toString()).isEqualTo("42.37");
            assertThat(d.get("predikat").asText()).isEqualTo("Sangat Rendah");
            assertThat(d.get("bulanan").toString()).isEqualTo("[{\"bulan\":12,\"nilai\":27.54}]");
            assertThat(d.get("removed").asBoolean()).isFalse();
            assertThat(mine.get(0).get("data").get("realisasi").isNull()).isTrue();

            given().when().delete(base(opd) + "/nodes/2.08.02/indikator/1").then().statusCode(204);
            seen = probe.awaitRecord(r -> subject.equals(r.key()) && r.value().contains("\"removed\":true"), WAIT);
            JsonNode removed = Messages.valid(seen.get(seen.size() - 1).value());
            assertThat(removed.get("version").asLong()).isEqualTo(3L);
            assertThat(removed.get("data").get("removed").asBoolean()).isTrue();
            given().when().get(base(opd) + "/nodes/2.08.02/indikator/1/realisasi").then().statusCode(404);
        }

        // created again: the tombstone keeps the version growing
        putNodes(opd, node("2.08.02", indikator("ARG", "%", "positif", null, "65"))).statusCode(200);
        assertThat(db.outboxVersions(subject)).containsExactly(1L, 2L, 3L, 4L);
        JsonNode again = Messages.valid(db.outboxPayloads(subject).get(3));
        assertThat(again.get("data").get("removed").asBoolean()).isFalse();
        assertThat(again.get("data").get("bulanan").size()).isZero();
    }

    @Test
    void anyFieldChangeAnnouncesOnceAndOnlyTheChangedIndicator() {
        String opd = freshOpd("FLD");
        putNodes(opd, node("2.08.02", indikator("A", "%", "positif", null, "65"), indikator("B", "%", "negatif", null, "2.1")))
                .statusCode(200);
        putNodes(opd, node("2.08.02", indikator("A", "persen", "positif", null, "65"), indikator("B", "%", "negatif", null, "2.1")))
                .statusCode(200);
        putNodes(opd, node("2.08.02", indikator("A", "persen", "positif", null, "65"), indikator("B", "%", "negatif", "selisih", "2.1")))
                .statusCode(200);
        assertThat(db.outboxVersions(Api.subject(opd, "2.08.02", 1))).containsExactly(1L, 2L);
        assertThat(db.outboxVersions(Api.subject(opd, "2.08.02", 2))).containsExactly(1L, 2L);
        db.outboxPayloads(Api.subject(opd, "2.08.02", 2)).forEach(Messages::valid);
    }

    @Test
    void concurrentWritersGetDistinctGrowingVersions() throws Exception {
        String opd = freshOpd("CONC");
        String subject = Api.subject(opd, "2.08.02", 1);
        putNodes(opd, node("2.08.02", indikator("ARG", "%", "positif", null, "65"))).statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> writes = new ArrayList<>();
            for (int bulan = 1; bulan <= 12; bulan++) {
                int b = bulan;
                writes.add(() -> putRealisasi(opd, "2.08.02", 1, b, String.valueOf(b * 2)).extract().statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(writes)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.outboxVersions(subject)).containsExactlyElementsOf(LongStream.rangeClosed(1, 13).boxed().toList());
        given().when().get(base(opd) + "/nodes/2.08.02/indikator/1/realisasi").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(12));
        JsonNode last = Messages.valid(db.outboxPayloads(subject).get(12));
        assertThat(last.get("data").get("bulanan").size()).isEqualTo(12);
        assertThat(last.get("data").get("bulan").asInt()).isEqualTo(12);
    }
}
