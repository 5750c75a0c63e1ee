package id.capaian.report.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The consumer's position in each partition (the offset of the next record to read), kept in the report's own
 * database beside the rows it applied, in the same transaction: the database, not Kafka, says what it holds.
 */
@ApplicationScoped
public class ConsumerPositions {

    @Inject EntityManager em;

    /** The stored positions of these partitions (absent: none stored), read in a transaction of their own. */
    @Transactional(TxType.REQUIRES_NEW)
    public Map<Integer, Long> read(String topic, Collection<Integer> partitions) {
        return select(topic, partitions, "");
    }

    /**
     * The stored positions of these partitions, their rows locked in partition order before any row of the
     * read model: two consumers that both believe they own a partition (during a rebalance) take turns.
     */
    @Transactional(TxType.MANDATORY)
    Map<Integer, Long> lock(String topic, Collection<Integer> partitions) {
        return select(topic, partitions, " FOR UPDATE");
    }

    /** Moves each partition's position forward to {@code next} (never back: a slower consumer may commit last). */
    @Transactional(TxType.MANDATORY)
    void store(String topic, Map<Integer, Long> next) {
        var c = em.unwrap(org.hibernate.Session.class).doReturningWork(x -> x);
        var rows = new TreeMap<>(next).entrySet();
        Sql.update(c, """
                INSERT INTO consumer_position (topic, partition, next_offset)
                SELECT ?, u.partition, u.next_offset FROM unnest(?, ?) WITH ORDINALITY AS u(partition, next_offset, i)
                ORDER BY u.i
                ON CONFLICT (topic, partition) DO UPDATE
                SET next_offset = GREATEST(consumer_position.next_offset, EXCLUDED.next_offset), updated_at = now()""",
                topic, Sql.ints(c, rows, Map.Entry::getKey), Sql.longs(c, rows, Map.Entry::getValue));
    }

    /** Sets positions as they are given, back or forward (tests, and an operator replaying on purpose). */
    @Transactional
    public void reset(String topic, Map<Integer, Long> positions) {
        positions.forEach((p, o) -> em.createNativeQuery("""
                INSERT INTO consumer_position (topic, partition, next_offset) VALUES (?1, ?2, ?3)
                ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = now()""")
                .setParameter(1, topic).setParameter(2, p).setParameter(3, o).executeUpdate());
    }

    private Map<Integer, Long> select(String topic, Collection<Integer> partitions, String lock) {
        Map<Integer, Long> stored = new TreeMap<>();
        if (partitions.isEmpty()) {
            return stored;
        }
        var c = em.unwrap(org.hibernate.Session.class).doReturningWork(x -> x);
        for (Object[] r : Sql.query(c, "SELECT partition, next_offset FROM consumer_position WHERE topic = ? "
                + "AND partition = ANY(?) ORDER BY partition" + lock, topic, Sql.ints(c, partitions, Integer::intValue))) {
            stored.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue());
        }
        return stored;
    }
}
