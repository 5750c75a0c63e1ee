package id.capaian.core.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event path. It stays UP while Kafka is away, because writes still succeed and
 * their events wait in the outbox; the details say whether Kafka answers and how much is waiting.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "capaian.outbox.enabled", stringValue = "true")
public class OutboxHealthCheck implements HealthCheck {

    @Inject OutboxRelay relay;

    @Override
    @Transactional
    public HealthCheckResponse call() {
        OutboxRelay.Backlog backlog = relay.backlog();
        var b = HealthCheckResponse.named("Outbox relay to Kafka").up()
                .withData("backlog", backlog.messages())
                .withData("oldestAgeSeconds", backlog.oldestAgeSeconds())
                .withData("kafka", relay.consecutiveFailures() == 0 ? "reachable" : "unreachable")
                .withData("consecutiveFailures", relay.consecutiveFailures());
        if (relay.lastError() != null) {
            b.withData("lastError", relay.lastError());
        }
        return b.build();
    }
}
