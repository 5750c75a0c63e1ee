package id.capaian.report.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.capaian.report.readmodel.ReadModel;
import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The consumer over the real broker: versions, duplicates, and poison messages to the dead-letter topic. */
@QuarkusTest
class RealizationConsumerTest {

    @Inject ReadModel readModel;

    static final String OPD = "CONS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    static String subject(String kode) {
        return "63.10/2024/" + OPD + "/" + kode;
    }

    static String event(String kode, long version, String pagu) {
        return event(OPD, kode, version, pagu);
    }

    static String event(String opd, String kode, long version, String pagu) {
        String subject = "63.10/2024/" + opd + "/" + kode;
        return """
                {"specversion":"1.0","id":"%s","source":"budget-service","type":"budget.realization-updated",
                 "time":"%s","subject":"%s","datacontenttype":"application/json","version":%d,
                 "data":{"pemda":"63.10","tahun":2024,"opd":"%s","kode":"%s","uraian":"Sub",
                         "kegiatan":{"kode":"2.08.02.2.01","uraian":"Keg"},"program":{"kode":"2.08.02","uraian":"Prog"},
                         "pagu":%s,"realisasi":0.00,"bulan":null,"bulanan":[],"removed":false}}"""
                .formatted(UUID.randomUUID(), Instant.now(), subject, version, opd, kode, pagu);
    }

    @Test
    void aMessageOnTheTopicReachesTheReadModel() {
        String kode = "2.08.02.2.01.0001";
        TopicProbe.send("realization-updated", subject(kode), event(kode, 1, "100.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(subject(kode)) == 1);
    }

    @Test
    void olderAndDuplicateVersionsChangeNothing() {
        String kode = "2.08.02.2.01.0002";
        String marker = "2.08.02.2.01.0003";
        TopicProbe.send("realization-updated", subject(kode), event(kode, 3, "300.00"), event(kode, 2, "200.00"),
                event(kode, 3, "999.00"));
        TopicProbe.send("realization-updated", subject(marker), event(marker, 1, "1.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(subject(marker)) == 1);
        assertThat(readModel.version(subject(kode))).isEqualTo(3);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String kode = "2.08.02.2.01.0004";
        String poison = "{\"specversion\":\"1.0\",\"this is\": not json";
        try (TopicProbe dlq = TopicProbe.open("realization-updated-dlq")) {
            TopicProbe.send("realization-updated", "poison-" + OPD, poison);
            TopicProbe.send("realization-updated", subject(kode), event(kode, 1, "5.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(subject(kode)) == 1);
            var records = dlq.awaitRecord(r -> ("poison-" + OPD).equals(r.key()), Duration.ofSeconds(30));
            var dead = records.stream().filter(r -> ("poison-" + OPD).equals(r.key())).findFirst().orElseThrow();
            assertThat(dead.value()).isEqualTo(poison);
            var reason = dead.headers().lastHeader("dead-letter-reason");
            assertThat(reason).isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not JSON");
        }
    }

    @Test
    void anAmountTheDatabaseCannotHoldIsAPoisonMessageNotRetriedForever() {
        String opd = "OVF" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String first = "63.10/2024/" + opd + "/2.08.02.2.01.0001";
        String huge = "63.10/2024/" + opd + "/2.08.02.2.01.0002";
        TopicProbe.send("realization-updated", first, event(opd, "2.08.02.2.01.0001", 1, "1.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(first) == 1);
        try (TopicProbe dlq = TopicProbe.open("realization-updated-dlq")) {
            // 999999999999999999.00 plus the 1.00 already there overflows the sums' numeric(20,2): SQLState 22003.
            // Then a good version of the same subject, behind it on the same partition.
            TopicProbe.send("realization-updated", huge, event(opd, "2.08.02.2.01.0002", 1, "999999999999999999.00"),
                    event(opd, "2.08.02.2.01.0002", 2, "2.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(huge) == 2);
            var records = dlq.awaitRecord(r -> huge.equals(r.key()), Duration.ofSeconds(30));
            var dead = records.stream().filter(r -> huge.equals(r.key())).findFirst().orElseThrow();
            assertThat(dead.value()).contains("999999999999999999.00");
            assertThat(dead.headers().lastHeader("dead-letter-reason")).isNotNull();
        }
    }

    @Test
    void aDataExceptionIsPoisonAFailureOfTheDatabaseIsNot() {
        assertThat(RealizationConsumer.poison(new RuntimeException(new java.sql.SQLException("overflow", "22003"))))
                .isTrue();
        assertThat(RealizationConsumer.poison(new IllegalArgumentException("rak must be an array of 12"))).isTrue();
        for (String state : new String[] {"08001", "08006", "57P01", "53300", "40001", "40P01"}) {
            assertThat(RealizationConsumer.poison(new RuntimeException(new java.sql.SQLException("down", state))))
                    .as(state).isFalse();
        }
        assertThat(RealizationConsumer.poison(new RuntimeException("no SQLState"))).isFalse();
    }
}
