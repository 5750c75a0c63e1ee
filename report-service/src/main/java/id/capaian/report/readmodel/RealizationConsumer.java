package id.capaian.report.readmodel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies each realization-updated message in its own transaction; the Kafka offset is committed only
 * after that commit. A message that cannot be read or applied (poison) goes to the dead-letter topic;
 * a failure of our own database is retried, with backoff, until it succeeds, so nothing is lost or
 * skipped while PostgreSQL restarts and the partition's order is kept. What a failure means:
 * <ul>
 * <li>the message's fault, the same every time (poison, dead-lettered): an IllegalArgumentException of the
 * event itself, or a PostgreSQL data exception (SQLState class 22, e.g. 22003 an amount overflowing
 * numeric(20,2));
 * <li>the database's (retried): anything else, e.g. connection refused (08), shutting down (57), out of
 * resources (53), a serialization failure or deadlock (40).
 * </ul>
 */
@ApplicationScoped
public class RealizationConsumer {

    private static final Logger LOG = Logger.getLogger(RealizationConsumer.class);

    @Inject ReadModel readModel;

    @ConfigProperty(name = "capaian.consumer.max-backoff", defaultValue = "PT5S") Duration maxBackoff;

    private volatile boolean stopping;

    void stopping(@Observes ShutdownEvent e) {
        stopping = true;
    }

    @Incoming("realization-updated")
    @Blocking // ordered: one message at a time per channel, in offset order
    public void consume(String message) throws InterruptedException {
        RealizationEvent event = RealizationEvent.parse(message); // poison: thrown, dead-lettered
        long backoff = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> readModel.apply(event));
                return;
            } catch (RuntimeException transientFailure) {
                if (poison(transientFailure)) {
                    throw transientFailure; // dead-lettered, the partition goes on
                }
                if (stopping) {
                    throw transientFailure; // not acknowledged: redelivered after restart
                }
                LOG.warnf("applying %s v%d failed (attempt %d, %s); retrying in %d ms", event.subject(),
                        event.version(), attempt, transientFailure.getMessage(), backoff);
                Thread.sleep(backoff); // backoff before retrying our own database, not test synchronization
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
    }

    static boolean poison(RuntimeException failure) {
        if (failure instanceof IllegalArgumentException) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null
                    && ((SQLException) t).getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
