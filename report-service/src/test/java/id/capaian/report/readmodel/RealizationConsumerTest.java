package id.capaian.report.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.capaian.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The consumer over the real broker: versions, duplicates, poison records to the dead-letter topic alone, and the
 * position stored in the database.
 */
@QuarkusTest
class RealizationConsumerTest {

    @Inject ReadModel readModel;
    @Inject ConsumerPositions positions;
    @Inject Consistency consistency;
    @Inject EntityManager em;

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
            TopicProbe.send("realization-updated", huge, event(opd, "2.08.02.2.01.0002", 1, "999999999999999999.00"));
            var records = dlq.awaitRecord(r -> huge.equals(r.key()), Duration.ofSeconds(30));
            var dead = records.stream().filter(r -> huge.equals(r.key())).findFirst().orElseThrow();
            assertThat(dead.value()).contains("999999999999999999.00");
            assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("overflow");
            // then a good version of the same subject, behind it on the same partition
            TopicProbe.send("realization-updated", huge, event(opd, "2.08.02.2.01.0002", 2, "2.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(huge) == 2);
        }
        assertThat(consistency.check().consistent()).isTrue();
    }

    /**
     * One poll, one batch: a record that the database refuses (an amount that overflows the OPD's sums) and one that
     * cannot be read, between good ones of the same OPD (their ancestors shared). Both go to the dead-letter topic
     * alone; every neighbour is applied, and the sums are those of the neighbours.
     */
    @Test
    void aPoisonRecordInTheMiddleOfABatchGoesAloneItsNeighboursAreApplied() {
        String opd = "MID" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String prefix = "63.10/2024/" + opd + "/";
        String base = prefix + "2.08.02.2.01.0050";
        TopicProbe.send("realization-updated", base, event(opd, "2.08.02.2.01.0050", 1, "50.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(base) == 1);
        List<String[]> batch = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            String kode = "2.08.02.2.01.%04d".formatted(i);
            batch.add(new String[] {prefix + kode, event(opd, kode, 1, i + ".00")});
            if (i == 4) {
                batch.add(new String[] {prefix + "2.08.02.2.01.0099", event(opd, "2.08.02.2.01.0099", 1, "999999999999999999.00")});
            }
            if (i == 6) {
                batch.add(new String[] {prefix + "junk", "{\"specversion\": \"1.0\", oops"});
            }
        }
        try (TopicProbe dlq = TopicProbe.open("realization-updated-dlq")) {
            sendAsOneBatch(batch);
            await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(prefix + "2.08.02.2.01.0009") == 1);
            for (int i = 1; i <= 9; i++) {
                assertThat(readModel.version(prefix + "2.08.02.2.01.%04d".formatted(i))).as("neighbour " + i).isEqualTo(1);
            }
            dlq.awaitRecord(r -> (prefix + "2.08.02.2.01.0099").equals(r.key()), Duration.ofSeconds(30));
            var dead = dlq.awaitRecord(r -> (prefix + "junk").equals(r.key()), Duration.ofSeconds(30)).stream()
                    .filter(r -> r.key() != null && r.key().startsWith(prefix)).toList();
            assertThat(dead).extracting(r -> r.key()).containsExactlyInAnyOrder(prefix + "2.08.02.2.01.0099", prefix + "junk");
        }
        assertThat(readModel.version(prefix + "2.08.02.2.01.0099")).isZero();
        // 1 + 2 + ... + 9 and the 50.00 before: the OPD total holds the neighbours' sum and nothing of the poison
        assertThat(opdTotal(opd)).isEqualByComparingTo("95.00");
        assertThat(consistency.check().consistent()).isTrue();
    }

    /**
     * The position the database holds is where the consumer reads from: set back (as a restore of the report's
     * database to an earlier dump would), the consumer reads again what came after it, and applies it idempotently.
     */
    @Test
    void aPositionSetBackInTheDatabaseIsReadAgain() {
        String opd = "POS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String kode = "2.08.02.2.01.0001";
        String subject = "63.10/2024/" + opd + "/" + kode;
        TopicProbe.send("realization-updated", subject, event(opd, kode, 1, "10.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(subject) == 1);
        long afterV1 = positions.read("realization-updated", List.of(0)).get(0);
        TopicProbe.send("realization-updated", subject, event(opd, kode, 2, "20.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(subject) == 2);
        assertThat(positions.read("realization-updated", List.of(0)).get(0)).isGreaterThan(afterV1);

        // The database goes back to how it was after v1: the subject's state, its sums, and the position.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE entity_state SET version = 1, data = jsonb_set(data, '{pagu}', '10.00') WHERE subject = ?1""")
                .setParameter(1, subject).executeUpdate());
        consistency.rebuild();
        assertThat(opdTotal(opd)).isEqualByComparingTo("10.00");
        positions.reset("realization-updated", Map.of(0, afterV1));

        // Kafka's committed offset is past v2: only the database's position brings it back.
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(subject) == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> opdTotal(opd).compareTo(new BigDecimal("20.00")) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> positions.read("realization-updated", List.of(0)).get(0) > afterV1);
        assertThat(consistency.check().consistent()).isTrue();
    }

    BigDecimal opdTotal(String opd) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> r = em.createNativeQuery("SELECT pagu FROM anggaran WHERE pemda = '63.10' AND tahun = 2024 AND opd = ?1 AND kode = ''")
                    .setParameter(1, opd).getResultList();
            return r.isEmpty() ? BigDecimal.ZERO : (BigDecimal) r.get(0);
        });
    }

    /** Records in one producer batch on partition 0: the broker keeps them together, one fetch returns them all. */
    static void sendAsOneBatch(List<String[]> keyed) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicProbe.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "1000000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String[] kv : keyed) {
                producer.send(new ProducerRecord<>("realization-updated", 0, kv[0], kv[1]));
            }
            producer.flush();
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
