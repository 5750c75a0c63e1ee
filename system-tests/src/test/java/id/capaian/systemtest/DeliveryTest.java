package id.capaian.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every real event of a DPA delivered again, twice, in shuffled order, with poison messages among them
 * (sent raw with a Kafka producer): the read model does not move, the poison goes to the dead-letter
 * topic, and a later real change still arrives.
 */
@ExtendWith(Suite.class)
class DeliveryTest {

    static final String TOPIC = "realization-updated";

    @Test
    void duplicatesReorderingAndPoisonChangeNothing() throws Exception {
        Suite s = Suite.get();
        long since = System.currentTimeMillis() - 1_000;
        Workload w = new Workload("DLV").imported();
        w.stream(60, 100, i -> { });
        w.assertConverged(s.report, Duration.ofSeconds(60));

        String prefix = Suite.PEMDA + "/" + Suite.TAHUN + "/" + w.opd + "/";
        long expected = w.count("budget", "SELECT count(*) FROM outbox WHERE subject LIKE ?", prefix)
                + w.count("indicator", "SELECT count(*) FROM outbox WHERE subject LIKE ?", prefix);
        List<ConsumerRecord<String, String>> real = read(s.kafka, TOPIC, since, r -> r.key() != null && r.key().startsWith(prefix), expected);
        assertThat((long) real.size()).as("every committed change is on the topic once").isEqualTo(expected);

        String marker = "poison-" + UUID.randomUUID();
        String subject = prefix + w.dpa.subKegiatan.get(0);
        List<String[]> poison = List.of(
                new String[] {subject, "{not json " + marker},
                new String[] {subject, "{\"marker\": \"" + marker + "\"}"},
                new String[] {subject, "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"source\": \"budget-service\", "
                        + "\"type\": \"budget.realization-updated\", \"subject\": \"" + subject + "\", \"version\": \"tujuh\", \"time\": \"x\", "
                        + "\"datacontenttype\": \"application/json\", \"data\": {\"marker\": \"" + marker + "\"}}"},
                new String[] {subject, "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"source\": \"budget-service\", "
                        + "\"type\": \"budget.realization-updated\", \"subject\": \"" + subject + "\", \"version\": 999999999, "
                        + "\"time\": \"2024-12-31T10:15:00Z\", \"datacontenttype\": \"application/json\", "
                        + "\"data\": {\"pemda\": \"" + marker + "\", \"realisasi\": \"banyak\"}}"},
                new String[] {subject, "\u0000\u00ff" + marker});
        List<String[]> deliveries = new ArrayList<>();
        for (ConsumerRecord<String, String> r : real) {
            deliveries.add(new String[] {r.key(), r.value()});
            deliveries.add(new String[] {r.key(), r.value()});
        }
        Collections.shuffle(deliveries, new Random(42));
        for (int i = 0; i < poison.size(); i++) {
            deliveries.add(i * deliveries.size() / poison.size(), poison.get(i));
        }
        try (KafkaProducer<String, String> p = producer(s.kafka)) {
            for (String[] d : deliveries) {
                p.send(new ProducerRecord<>(TOPIC, d[0], d[1]));
            }
            p.flush();
        }

        // A real change after the storm still arrives, and nothing else moved.
        w.stream(4, 100, i -> { });
        w.assertConverged(s.report, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                read(s.kafka, "realization-updated-dlq", since, r -> r.value() != null && r.value().contains(marker), 3).size() >= 3);
    }

    static KafkaProducer<String, String> producer(String kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

    /** The records of a topic since a time that match, read committed, until {@code enough} or 20 s. */
    static List<ConsumerRecord<String, String>> read(String kafka, String topic, long since,
            java.util.function.Predicate<ConsumerRecord<String, String>> match, long enough) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            Map<TopicPartition, Long> times = new HashMap<>();
            parts.forEach(tp -> times.put(tp, since));
            Map<TopicPartition, OffsetAndTimestamp> offsets = c.offsetsForTimes(times);
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            for (TopicPartition tp : parts) {
                OffsetAndTimestamp o = offsets.get(tp);
                c.seek(tp, o == null ? ends.get(tp) : o.offset());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && out.size() < enough) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        out.add(r);
                    }
                }
                boolean atEnd = parts.stream().allMatch(tp -> c.position(tp) >= ends.get(tp));
                if (atEnd && out.size() >= enough) {
                    break;
                }
            }
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
