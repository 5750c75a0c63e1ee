package id.capaian.core.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox small: rows published longer ago than {@code capaian.outbox.retention} (P7D by default)
 * are deleted, a batch per transaction, at most once every {@code capaian.outbox.purge-interval} (PT5M), from
 * the relay's thread. An unpublished row is never deleted, however old.
 */
@ApplicationScoped
@IfBuildProperty(name = "capaian.outbox.enabled", stringValue = "true")
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);

    @Inject EntityManager em;

    @Inject OutboxConfig config;

    private volatile long lastRun;

    /** Purges when the interval has passed since the last time; returns the rows deleted, or -1 when not due. */
    public long purgeIfDue() {
        long now = System.nanoTime();
        if (lastRun != 0 && now - lastRun < config.purgeInterval().toNanos()) {
            return -1;
        }
        lastRun = now;
        return purge();
    }

    /** Deletes every published row older than the retention, one batch per transaction. */
    public long purge() {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(this::purgeBatch);
            total += deleted;
        } while (deleted == config.purgeBatchSize());
        if (total > 0) {
            LOG.infof("outbox: deleted %d rows published more than %s ago", total, config.retention());
        }
        return total;
    }

    /** One batch, in the caller's transaction: the oldest published rows past the retention. */
    @Transactional
    public int purgeBatch() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        return em.createNativeQuery("""
                DELETE FROM outbox WHERE id IN (
                    SELECT id FROM outbox WHERE published_at IS NOT NULL AND published_at < ?1 ORDER BY id LIMIT ?2)""")
                .setParameter(1, cutoff).setParameter(2, config.purgeBatchSize()).executeUpdate();
    }
}
