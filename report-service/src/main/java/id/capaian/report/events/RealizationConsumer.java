package id.capaian.report.events;

import id.capaian.report.domain.ReadModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies each realization-updated message in its own transaction; the Kafka offset is committed only
 * after that commit. A message that cannot be read or applied (poison) goes to the dead-letter topic;
 * a failure of our own database is retried, with backoff, until it succeeds, so nothing is lost or
 * skipped while PostgreSQL restarts and the partition's order is kept.
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
            } catch (IllegalArgumentException poison) {
                throw poison;
            } catch (RuntimeException transientFailure) {
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
}
