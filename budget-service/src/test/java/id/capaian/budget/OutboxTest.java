package id.capaian.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.core.outbox.OutboxPurge;
import id.capaian.testing.OutboxContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest extends OutboxContract {

    @Inject OutboxPurge purge;
    @Inject EntityManager em;

    long row(String age, boolean published) {
        return ((Number) em.createNativeQuery("""
                INSERT INTO outbox (event_id, topic, subject, version, payload, created_at, published_at)
                VALUES (?1, 'realization-updated', ?2, 1, '{}', now() - CAST(?3 AS interval),
                        CASE WHEN ?4 THEN now() - CAST(?3 AS interval) + interval '1 second' END)
                RETURNING id""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, "purge/" + UUID.randomUUID())
                .setParameter(3, age).setParameter(4, published).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    List<Long> remaining(List<Long> ids) {
        return ((List<Number>) em.createNativeQuery("SELECT id FROM outbox WHERE id = ANY(CAST(?1 AS bigint[])) ORDER BY id")
                .setParameter(1, ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .getResultList()).stream().map(Number::longValue).toList();
    }

    /**
     * Only rows published longer ago than the retention (P7D) go; a recent one and an old unpublished one stay.
     * The rows are never committed (rolled back at the end), so the relay never sees the unpublished one.
     */
    @Test
    void thePurgeDeletesOnlyPublishedRowsOlderThanTheRetention() {
        List<Long> left = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                long oldPublished = row("30 days", true);
                long older = row("8 days", true);
                long recentPublished = row("6 days", true);
                long oldUnpublished = row("30 days", false);
                long freshUnpublished = row("0 seconds", false);
                List<Long> ids = List.of(oldPublished, older, recentPublished, oldUnpublished, freshUnpublished);
                assertThat(remaining(ids)).hasSize(5);
                while (purge.purgeBatch() > 0) {
                    // every batch of this transaction
                }
                left.addAll(remaining(ids));
                assertThat(left).containsExactly(recentPublished, oldUnpublished, freshUnpublished);
                throw new Rollback();
            });
        } catch (Rollback expected) {
            // nothing of this test is committed
        }
        assertThat(left).hasSize(3);
    }

    @Test
    void thePurgeRunsAtMostOncePerInterval() {
        purge.purgeIfDue(); // due at start or not: either way it has now run recently
        assertThat(purge.purgeIfDue()).isEqualTo(-1);
    }

    static class Rollback extends RuntimeException {
    }
}
