package id.capaian.core.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The event stream every service shares: the topic, and this service's name as the events' source. */
@ConfigMapping(prefix = "capaian.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of the events this service publishes (e.g. budget-service). */
    String source();

    /** The topic the owners publish to and report-service reads. */
    @WithDefault("realization-updated")
    String topic();
}
