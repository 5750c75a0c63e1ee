package id.capaian.report.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.outbox.EventsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads realization-updated and applies what each poll returns as one batch, in one transaction that also stores
 * the consumer's position in each partition ({@link ConsumerPositions}). Several consumers run at once
 * ({@code capaian.consumer.threads} per instance, each its own member of the group, so partitions are applied
 * concurrently); on assignment each seeks to the position its database holds, and before each batch it checks
 * that the database still holds the position it last wrote, so that a database restored to an earlier dump
 * re-reads what it lacks; a partition it holds no position for is read from the beginning (a fresh or restored
 * database). Offsets are also committed to Kafka, at most every {@code capaian.consumer.offset-commit-interval} while
 * busy and at once when idle, for the lag's monitoring and {@code kunci/ReadModelCaughtUp} only: an idle consumer
 * commits its position, which Kafka moves past the commit markers of older, transactional records, so a committed
 * offset equal to the partition's end means that every record in it was applied.
 * <p>
 * What a failure means:
 * <ul>
 * <li>the record's fault, the same every time (poison): an IllegalArgumentException of the event itself, or a
 * PostgreSQL data exception or integrity violation (SQLState class 22 or 23, e.g. 22003 an amount overflowing
 * numeric(20,2)). A record that cannot be read goes to the dead-letter topic before the batch is applied; when
 * applying a batch fails so, it is split in halves until the one record is found, which goes to the dead-letter
 * topic alone while its neighbours are applied;
 * <li>the database's (retried with backoff, nothing skipped): anything else, e.g. connection refused (08),
 * shutting down (57), out of resources (53), a serialization failure or deadlock (40).
 * </ul>
 */
@ApplicationScoped
public class RealizationConsumer {

    private static final Logger LOG = Logger.getLogger(RealizationConsumer.class);

    @Inject ReadModel readModel;
    @Inject ConsumerPositions positions;
    @Inject RealizationConsumerConfig config;
    @Inject EventsConfig stream;
    @Inject ObjectMapper json;
    @Inject Instance<OpenTelemetry> openTelemetry;
    @Inject Instance<MeterRegistry> registry;

    /** The Kafka extension's property (a mapping of the prefix kafka would claim every kafka.* key): read as it is. */
    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap;

    private volatile boolean stopping;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private volatile KafkaProducer<String, String> deadLetters;
    private Counter applied;
    private Counter deadLettered;

    void start(@Observes StartupEvent e) {
        if (!config.enabled()) {
            return;
        }
        if (registry.isResolvable()) {
            applied = Counter.builder("capaian.consumer.applied").description("Events that changed the read model")
                    .register(registry.get());
            deadLettered = Counter.builder("capaian.consumer.dead-lettered")
                    .description("Records sent to the dead-letter topic").register(registry.get());
        }
        for (int i = 0; i < config.threads(); i++) {
            Worker w = new Worker(i);
            workers.add(w);
            w.thread.start();
        }
    }

    void stop(@Observes ShutdownEvent e) {
        stopping = true;
        for (Worker w : workers) {
            w.wakeup();
        }
        for (Worker w : workers) {
            try {
                w.thread.join(15_000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    /** The partitions this instance's consumers hold now (tests, diagnostics). */
    public Set<TopicPartition> assignment() {
        Set<TopicPartition> all = new java.util.HashSet<>();
        workers.forEach(w -> all.addAll(w.assigned));
        return all;
    }

    /** A polled record, read (event) or refused (failure). */
    static final class Item {
        final ConsumerRecord<String, String> record;
        final RealizationEvent event;
        RuntimeException failure;

        Item(ConsumerRecord<String, String> record, ObjectMapper json) {
            this.record = record;
            RealizationEvent e = null;
            try {
                e = RealizationEvent.parse(json, record.value() == null ? "" : record.value());
                ReadModel.validate(e);
            } catch (RuntimeException poison) {
                failure = poison;
            }
            this.event = e;
        }

        boolean live() {
            return failure == null;
        }
    }

    private static final class Poison extends RuntimeException {
        Poison(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static final class Stopping extends RuntimeException {
        Stopping() {
            super("stopping", null, false, false);
        }
    }

    /** The database no longer holds the positions this consumer wrote: read again from where it stands. */
    private static final class Rewind extends RuntimeException {
        final Map<TopicPartition, Long> to; // -1: from the beginning

        Rewind(Map<TopicPartition, Long> to) {
            super("rewind " + to, null, false, false);
            this.to = to;
        }
    }

    /** One member of the consumer group on a thread of its own. */
    final class Worker implements Runnable, ConsumerRebalanceListener {
        final Thread thread;
        final Set<TopicPartition> assigned = java.util.concurrent.ConcurrentHashMap.newKeySet();
        /** The position this consumer last read from or wrote to the database, per partition it holds. */
        final Map<TopicPartition, Long> expected = new HashMap<>();
        private volatile KafkaConsumer<String, String> consumer;
        private long lastReconcile = System.nanoTime();
        /** Offsets stored in the database and not yet committed to Kafka. */
        private final Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
        private long lastKafkaCommit = System.nanoTime();
        /** What was last committed to Kafka, per partition. */
        private final Map<TopicPartition, Long> committed = new HashMap<>();

        Worker(int index) {
            thread = new Thread(this, "realization-consumer-" + index);
            thread.setDaemon(true);
        }

        void wakeup() {
            KafkaConsumer<String, String> c = consumer;
            if (c != null) {
                c.wakeup();
            }
        }

        @Override
        public void run() {
            long backoff = 100;
            while (!stopping) {
                try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig(thread.getName()))) {
                    consumer = c;
                    KafkaClientMetrics metrics = null;
                    if (registry.isResolvable()) {
                        metrics = new KafkaClientMetrics(c);
                        metrics.bindTo(registry.get());
                    }
                    try {
                        c.subscribe(List.of(stream.topic()), this);
                        loop(c);
                    } finally {
                        if (metrics != null) {
                            metrics.close();
                        }
                    }
                    return;
                } catch (Stopping | WakeupException s) {
                    return;
                } catch (RuntimeException unexpected) {
                    if (stopping) {
                        return;
                    }
                    LOG.errorf(unexpected, "%s failed; starting it again in %d ms", thread.getName(), backoff);
                    expected.clear();
                    assigned.clear();
                    pause(backoff);
                    backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
                } finally {
                    consumer = null;
                }
            }
        }

        private void loop(KafkaConsumer<String, String> c) {
            while (!stopping) {
                ConsumerRecords<String, String> polled = c.poll(Duration.ofMillis(pollMillis()));
                if (polled.isEmpty()) {
                    commitIdle(c);
                    reconcile(c);
                    continue;
                }
                List<Item> items = new ArrayList<>(polled.count());
                polled.partitions().stream().sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                        .forEach(tp -> polled.records(tp).forEach(r -> items.add(new Item(r, json))));
                try {
                    for (Item i : items) {
                        if (!i.live()) {
                            deadLetter(i.record, i.failure); // unreadable: dead-lettered before the batch
                        }
                    }
                    applyOrSplit(c, items);
                } catch (Rewind r) {
                    rewind(c, items, r.to);
                }
            }
        }

        /** Applies the items; when one of them is poison, halves them until it is alone and dead-letters it. */
        private void applyOrSplit(KafkaConsumer<String, String> c, List<Item> items) {
            try {
                commit(c, items);
            } catch (Poison p) {
                List<Item> live = items.stream().filter(Item::live).toList();
                if (live.isEmpty()) {
                    throw new IllegalStateException("no event to blame", p.getCause());
                }
                if (live.size() == 1) {
                    Item bad = live.get(0);
                    bad.failure = (RuntimeException) p.getCause();
                    deadLetter(bad.record, bad.failure);
                    commit(c, items); // its position only, and any other refused record's
                    return;
                }
                int half = items.size() / 2;
                applyOrSplit(c, new ArrayList<>(items.subList(0, half)));
                applyOrSplit(c, new ArrayList<>(items.subList(half, items.size())));
            }
        }

        /** One transaction: positions checked and locked, live events applied, positions moved past every item. */
        private void commit(KafkaConsumer<String, String> c, List<Item> items) {
            Map<Integer, Long> next = new TreeMap<>();
            for (Item i : items) {
                next.merge(i.record.partition(), i.record.offset() + 1, Math::max);
            }
            List<RealizationEvent> events = items.stream().filter(Item::live).map(i -> i.event).toList();
            long started = System.currentTimeMillis();
            long backoff = 100;
            for (int attempt = 1; ; attempt++) {
                if (stopping) {
                    throw new Stopping(); // not stored: read again after the restart
                }
                try {
                    Map<Integer, Long> stored = QuarkusTransaction.requiringNew().call(() -> {
                        Map<Integer, Long> held = positions.lock(stream.topic(), next.keySet());
                        Map<TopicPartition, Long> rewind = new LinkedHashMap<>();
                        for (Integer p : next.keySet()) {
                            TopicPartition tp = new TopicPartition(stream.topic(), p);
                            Long wrote = expected.get(tp);
                            Long holds = held.get(p);
                            if (wrote != null && (holds == null || holds < wrote)) {
                                rewind.put(tp, holds == null ? -1L : holds);
                            }
                        }
                        if (!rewind.isEmpty()) {
                            throw new Rewind(rewind);
                        }
                        int n = readModel.applyAll(events);
                        if (applied != null) {
                            applied.increment(n);
                        }
                        Map<Integer, Long> now = new TreeMap<>(next);
                        held.forEach((p, o) -> now.merge(p, o, Math::max));
                        positions.store(stream.topic(), now);
                        return now;
                    });
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                    stored.forEach((p, o) -> {
                        TopicPartition tp = new TopicPartition(stream.topic(), p);
                        expected.put(tp, o);
                        if (assigned.contains(tp)) {
                            offsets.put(tp, new OffsetAndMetadata(o));
                        }
                    });
                    toCommit.putAll(offsets);
                    if (System.nanoTime() - lastKafkaCommit >= config.offsetCommitInterval().toNanos()) {
                        commitToKafka(c);
                    }
                    trace(items, started);
                    return;
                } catch (Rewind r) {
                    throw r;
                } catch (RuntimeException failure) {
                    if (poison(failure)) {
                        throw new Poison(failure);
                    }
                    if (stopping) {
                        throw new Stopping();
                    }
                    LOG.warnf("applying %d records failed (attempt %d, %s); retrying in %d ms", items.size(), attempt,
                            failure.getMessage(), backoff);
                    waitPolling(c, backoff); // backoff before retrying our own database, not test synchronization
                    backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
                }
            }
        }

        /**
         * Waits while staying in the group: polls with every partition paused. A partition assigned meanwhile is
         * not paused; whatever it returns is put back (sought), to be read again after the batch.
         */
        private void waitPolling(KafkaConsumer<String, String> c, long millis) {
            Set<TopicPartition> paused = Set.copyOf(c.assignment());
            c.pause(paused);
            try {
                ConsumerRecords<String, String> extra = c.poll(Duration.ofMillis(millis));
                for (TopicPartition tp : extra.partitions()) {
                    c.seek(tp, extra.records(tp).get(0).offset());
                }
            } finally {
                Set<TopicPartition> still = new java.util.HashSet<>(paused);
                still.retainAll(c.assignment());
                c.resume(still);
            }
        }

        /** Reads again: rewound partitions from what the database holds, the others from the first unstored item. */
        private void rewind(KafkaConsumer<String, String> c, List<Item> items, Map<TopicPartition, Long> to) {
            Map<TopicPartition, Long> first = new HashMap<>();
            for (Item i : items) {
                first.putIfAbsent(new TopicPartition(stream.topic(), i.record.partition()), i.record.offset());
            }
            for (Map.Entry<TopicPartition, Long> f : first.entrySet()) {
                TopicPartition tp = f.getKey();
                if (!c.assignment().contains(tp)) {
                    continue;
                }
                Long target = to.containsKey(tp) ? to.get(tp) : expected.getOrDefault(tp, f.getValue());
                if (target < 0) {
                    LOG.warnf("the database holds no position for %s any more: reading it from the beginning", tp);
                    c.seekToBeginning(List.of(tp));
                    expected.remove(tp);
                } else {
                    if (to.containsKey(tp)) {
                        LOG.warnf("the database holds %s at %d, behind what was applied: reading again from there", tp, target);
                    }
                    c.seek(tp, target);
                    expected.put(tp, target);
                }
            }
        }

        /** How long a poll may wait: no longer than until the offsets waiting for Kafka are due. */
        private long pollMillis() {
            if (toCommit.isEmpty()) {
                return 500;
            }
            long due = config.offsetCommitInterval().toNanos() - (System.nanoTime() - lastKafkaCommit);
            return Math.max(0, Math.min(500, TimeUnit.NANOSECONDS.toMillis(due)));
        }

        /**
         * Nothing to read: commits what waits, and every position past what was applied (Kafka moved it over commit
         * markers, which the database's positions never pass), so that the committed offset reaches the end.
         */
        private void commitIdle(KafkaConsumer<String, String> c) {
            for (TopicPartition tp : assigned) {
                Long wrote = expected.get(tp); // null: nothing applied yet, and whatever lies before the position is not data
                long at;
                try {
                    at = c.position(tp, Duration.ofMillis(100));
                } catch (org.apache.kafka.common.errors.TimeoutException unknown) {
                    continue; // not yet known: the next idle poll
                }
                if (at > (wrote == null ? -1L : wrote) && at > committed.getOrDefault(tp, -1L)) {
                    toCommit.merge(tp, new OffsetAndMetadata(at), (a, b) -> a.offset() >= b.offset() ? a : b);
                }
            }
            commitToKafka(c);
        }

        private void commitToKafka(KafkaConsumer<String, String> c) {
            toCommit.keySet().retainAll(assigned);
            lastKafkaCommit = System.nanoTime();
            if (toCommit.isEmpty()) {
                return;
            }
            toCommit.forEach((tp, o) -> committed.put(tp, o.offset()));
            c.commitAsync(new HashMap<>(toCommit), (o, failure) -> {
                if (failure != null) {
                    LOG.debugf("committing offsets to Kafka failed (the database holds them): %s", failure.getMessage());
                }
            });
            toCommit.clear();
        }

        /** Idle: checks now and then that the database still holds what this consumer wrote (it was restored?). */
        private void reconcile(KafkaConsumer<String, String> c) {
            if (expected.isEmpty() || System.nanoTime() - lastReconcile < config.reconcileInterval().toNanos()) {
                return;
            }
            lastReconcile = System.nanoTime();
            Map<Integer, Long> held;
            try {
                held = positions.read(stream.topic(), expected.keySet().stream().map(TopicPartition::partition).toList());
            } catch (RuntimeException down) {
                return; // the next batch checks again
            }
            Map<TopicPartition, Long> rewind = new LinkedHashMap<>();
            expected.forEach((tp, wrote) -> {
                Long holds = held.get(tp.partition());
                if (holds == null || holds < wrote) {
                    rewind.put(tp, holds == null ? -1L : holds);
                }
            });
            if (!rewind.isEmpty()) {
                rewind.forEach((tp, o) -> {
                    if (o < 0) {
                        c.seekToBeginning(List.of(tp));
                        expected.remove(tp);
                    } else {
                        LOG.warnf("the database holds %s at %d, behind what was applied: reading again from there", tp, o);
                        c.seek(tp, o);
                        expected.put(tp, o);
                    }
                });
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.addAll(partitions);
            if (partitions.isEmpty()) {
                return;
            }
            Map<Integer, Long> held = null;
            long backoff = 100;
            while (held == null) {
                try {
                    held = positions.read(stream.topic(), partitions.stream().map(TopicPartition::partition).toList());
                } catch (RuntimeException down) {
                    if (stopping) {
                        throw new Stopping();
                    }
                    LOG.warnf("reading the stored positions failed (%s); retrying in %d ms", down.getMessage(), backoff);
                    pause(backoff);
                    backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
                }
            }
            for (TopicPartition tp : partitions) {
                Long at = held.get(tp.partition());
                if (at != null) {
                    consumer.seek(tp, at); // the database's position, whatever Kafka has committed
                    expected.put(tp, at);
                } else {
                    // none stored: this database has applied nothing of the partition (positions are written with
                    // what they cover), so Kafka's committed offset, another database's progress, is not ours
                    consumer.seekToBeginning(List.of(tp));
                    expected.remove(tp);
                }
            }
            LOG.debugf("%s assigned %s at %s", thread.getName(), partitions, held);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assigned.removeAll(partitions);
            partitions.forEach(expected::remove);
            partitions.forEach(committed::remove);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }

    Properties consumerConfig(String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-" + clientId + "-" + ProcessHandle.current().pid());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Records of aborted Kafka transactions (owners before the idempotent relay) are never read.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.putAll(config.kafka());
        return p;
    }

    /** Sends a record to the dead-letter topic with the reason in its headers; waits (retrying) until Kafka has it. */
    void deadLetter(ConsumerRecord<String, String> r, RuntimeException failure) {
        String reason = reason(failure);
        LOG.warnf("record %s-%d@%d goes to %s: %s", r.topic(), r.partition(), r.offset(), config.deadLetterTopic(), reason);
        Headers h = new RecordHeaders(r.headers().toArray());
        h.add("dead-letter-reason", bytes(reason));
        if (failure.getCause() != null && failure.getCause().getMessage() != null) {
            h.add("dead-letter-cause", bytes(failure.getCause().getMessage()));
        }
        h.add("dead-letter-exception-class-name", bytes(failure.getClass().getName()));
        h.add("dead-letter-topic", bytes(r.topic()));
        h.add("dead-letter-partition", bytes(Integer.toString(r.partition())));
        h.add("dead-letter-offset", bytes(Long.toString(r.offset())));
        long backoff = 100;
        while (true) {
            try {
                producer().send(new ProducerRecord<>(config.deadLetterTopic(), null, r.key(), r.value(), h)).get(30, TimeUnit.SECONDS);
                if (deadLettered != null) {
                    deadLettered.increment();
                }
                return;
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new Stopping();
            } catch (Exception kafkaAway) {
                if (stopping) {
                    throw new Stopping();
                }
                LOG.warnf("sending to %s failed (%s); retrying in %d ms", config.deadLetterTopic(), kafkaAway.getMessage(), backoff);
                pause(backoff);
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        if (deadLetters == null) {
            synchronized (this) {
                if (deadLetters == null) {
                    Properties p = new Properties();
                    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                    p.put(ProducerConfig.ACKS_CONFIG, "all");
                    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    deadLetters = new KafkaProducer<>(p);
                }
            }
        }
        return deadLetters;
    }

    /** The reason a record was refused: the event's own message, or the database's (e.g. "numeric field overflow"). */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return String.valueOf(failure.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One consumer span per applied record, a child of the trace that its producer put in the headers. */
    private void trace(List<Item> items, long startedMillis) {
        if (!openTelemetry.isResolvable()) {
            return;
        }
        OpenTelemetry otel = openTelemetry.get();
        var tracer = otel.getTracer("id.capaian.report.readmodel");
        var propagator = otel.getPropagators().getTextMapPropagator();
        for (Item i : items) {
            Context parent = propagator.extract(Context.root(), i.record.headers(), HEADERS);
            Span s = tracer.spanBuilder(stream.topic() + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                    .setStartTimestamp(startedMillis, TimeUnit.MILLISECONDS)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", stream.topic())
                    .setAttribute("messaging.kafka.destination.partition", (long) i.record.partition())
                    .setAttribute("messaging.kafka.message.offset", i.record.offset())
                    .setAttribute("messaging.operation", "process").startSpan();
            s.end();
        }
    }

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(h -> h.key()).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            if (carrier == null) {
                return null;
            }
            var h = carrier.lastHeader(key);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // backoff while the database or Kafka is away, not test synchronization
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new Stopping();
        }
    }

    static boolean poison(RuntimeException failure) {
        if (failure instanceof IllegalArgumentException) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null
                    && (((SQLException) t).getSQLState().startsWith("22") || ((SQLException) t).getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
