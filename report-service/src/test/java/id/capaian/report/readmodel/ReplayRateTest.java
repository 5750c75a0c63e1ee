package id.capaian.report.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.capaian.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * How many events per second the consumer applies when a backlog lies on the topic: N events (every subject
 * twice, v1 then v2; three budget leaves to one indicator, as the synthetic kabupaten has them; 20 OPDs sharing
 * ancestors) are put on the topic at once, keyed by subject over all partitions; the figure is the backlog left
 * when the last was sent (the events not yet applied) divided by the time until all are applied. Prints it;
 * asserts only that everything was applied and the model is consistent. N is -Dcapaian.replay.events (default 2,000; the bench's backlog is 14,000):
 * ./mvnw -B -o -pl report-service -am verify -Dtest=ReplayRateTest -Dcapaian.replay.events=14000
 */
@QuarkusTest
class ReplayRateTest {

    @Inject EntityManager em;
    @Inject Consistency consistency;

    @Test
    void aBacklogIsAppliedAndTheRateIsPrinted() throws Exception {
        int n = Integer.getInteger("capaian.replay.events", 2_000);
        String run = "RP" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        int subjects = n / 2;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicProbe.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int v = 1; v <= 2; v++) {
                for (int i = 0; i < subjects; i++) {
                    String opd = run + "O" + (i % 20);
                    int leaf = i / 20;
                    String kegiatan = "2.08.%02d.2.%02d".formatted(2 + leaf % 5, 1 + (leaf / 5) % 4);
                    String kode = kegiatan + ".%04d".formatted(leaf + 1);
                    String event = i % 4 == 3 ? indicator(opd, kode, v) : budget(opd, kegiatan, kode, v);
                    String subject = "63.10/2024/" + opd + "/" + kode + (i % 4 == 3 ? "/1" : "");
                    producer.send(new ProducerRecord<>("realization-updated", subject, event));
                }
            }
            producer.flush();
        }
        long sentAt = System.nanoTime();
        // what is still on the topic when the last is sent: the backlog (v1 and v2 of a subject at version 0, v2 of one
        // at version 1)
        long backlog = 2L * subjects - versions("63.10/2024/" + run);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> versions("63.10/2024/" + run) == 2L * subjects);
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "[replay] %d events (%d subjects): sent in %.2f s, all applied %.2f s after the start; "
                + "the backlog of %d left when the last was sent applied in %.2f s: %.0f events/s%n", n, subjects,
                (sentAt - start) / 1e9, (end - start) / 1e9, backlog, (end - sentAt) / 1e9, backlog / ((end - sentAt) / 1e9));
        assertThat(consistency.check().mismatches()).isEmpty();
    }

    /** The sum of the versions held: every subject at version 2 is 2 × subjects. */
    long versions(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COALESCE(sum(version), 0) FROM entity_state WHERE subject LIKE ?1")
                .setParameter(1, ReadModel.subjectsStartingWith(prefix)).getSingleResult()).longValue());
    }

    static String budget(String opd, String kegiatan, String kode, int v) {
        return """
                {"specversion":"1.0","id":"%s","source":"budget-service","type":"budget.realization-updated",
                 "time":"%s","subject":"63.10/2024/%s/%s","datacontenttype":"application/json","version":%d,
                 "data":{"pemda":"63.10","tahun":2024,"opd":"%s","kode":"%s","uraian":"Sub %s",
                         "kegiatan":{"kode":"%s","uraian":"Keg"},"program":{"kode":"%s","uraian":"Prog"},
                         "pagu":%d.00,"realisasi":%d.00,"bulan":%d,"bulanan":[{"bulan":%d,"jumlah":%d.00}],"removed":false}}"""
                .formatted(UUID.randomUUID(), Instant.now(), opd, kode, v, opd, kode, kode, kegiatan,
                        kegiatan.substring(0, 7), 1000 * v, 100 * v, v, v, 100 * v);
    }

    static String indicator(String opd, String kode, int v) {
        return """
                {"specversion":"1.0","id":"%s","source":"indicator-service","type":"indicator.realization-updated",
                 "time":"%s","subject":"63.10/2024/%s/%s/1","datacontenttype":"application/json","version":%d,
                 "data":{"pemda":"63.10","tahun":2024,"opd":"%s","kode":"%s","nomor":1,"nama":"Indikator",
                         "satuan":"dokumen","polaritas":"positif","target":4,
                         "bulanan":[{"bulan":%d,"nilai":%d}],"removed":false}}"""
                .formatted(UUID.randomUUID(), Instant.now(), opd, kode, v, opd, kode, v, v);
    }
}
