package id.capaian.report.kunci;

import id.capaian.core.outbox.EventsConfig;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.readmodel.RealizationConsumerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Waits until report-service's consumer has applied everything on the event topic at the time of the call:
 * once the owners' outboxes of a scope are drained, every event of that scope is then in the read model.
 * The consumer has applied every record of a partition when its committed offset reaches the partition's last
 * stable offset: while busy it commits what its database stored, and when idle its position, which Kafka moved past
 * the commit markers of older, transactional records ({@code readmodel/RealizationConsumer}). A partition one
 * record short is behind: its last event may be the one the lock must see.
 */
@ApplicationScoped
public class ReadModelCaughtUp {

    /** The Kafka extension's property (a mapping of the prefix kafka would claim every kafka.* key): read as it is. */
    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers;
    @Inject EventsConfig events;
    @Inject RealizationConsumerConfig consumer;
    @Inject KunciConfig kunci;

    /** Returns once caught up; 504 with the partitions still behind after the timeout. */
    public void await(String report) {
        Duration timeout = kunci.drainTimeout();
        String topic = events.topic();
        String group = consumer.groupId();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // each call is bounded by the drain timeout (the default API timeout may not be below the request timeout)
        int callTimeout = (int) Math.min(30000, Math.max(1000, timeout.toMillis()));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, callTimeout);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, callTimeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic).partitions().forEach(i -> latest.put(new TopicPartition(topic, i.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            long backoff = 100;
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                long behind = 0;
                for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    long at = c == null ? 0 : c.offset();
                    behind += at < e.getValue() ? 1 : 0;
                }
                if (behind == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new ProblemException(504, "read-model-tertinggal", "Read model belum memuat semua peristiwa",
                            "report-service belum menerapkan semua peristiwa pemilik data (" + behind + " partisi tertinggal)"
                                    + " setelah " + timeout.toSeconds() + " detik. " + report
                                    + " Kirim ulang permintaan yang sama untuk menuntaskannya (aman, idempoten).",
                            List.of(new FieldError("read-model", behind + " partisi tertinggal")));
                }
                Thread.sleep(backoff); // polling the consumer's committed offsets, bounded by the drain timeout
                backoff = Math.min(backoff * 2, 1000);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return; // no event was ever published: nothing to apply
            }
            throw unreadable(e.getCause(), report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw unreadable(e, report);
        }
    }

    private static ProblemException unreadable(Throwable e, String report) {
        return new ProblemException(502, "layanan-gagal", "Posisi read model tidak dapat dibaca",
                "Kafka tidak menjawab posisi konsumen: " + e.getMessage() + ". " + report
                        + " Kirim ulang permintaan yang sama untuk menuntaskannya (aman, idempoten).",
                List.of(new FieldError("kafka", "posisi konsumen tidak dapat dibaca")));
    }
}
