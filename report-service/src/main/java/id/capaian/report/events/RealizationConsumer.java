package id.capaian.report.events;

import id.capaian.report.domain.EntityStates;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies each realization-updated message in its own transaction; the offset follows the commit. */
@ApplicationScoped
public class RealizationConsumer {

    @Inject EntityStates states;

    @Incoming("realization-updated")
    @Blocking
    @Transactional
    public void consume(String message) {
        states.apply(RealizationEvent.parse(message));
    }
}
