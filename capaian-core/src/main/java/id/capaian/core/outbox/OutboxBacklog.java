package id.capaian.core.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The events of a pemda-year (or of one OPD of it) still waiting in the outbox, not yet on Kafka. A year lock
 * answers it in the header {@link #HEADER}, so that report-service declares a year FINAL only once the owners'
 * events of that scope have left (and then waits until its read model has applied them).
 */
@ApplicationScoped
@IfBuildProperty(name = "capaian.outbox.enabled", stringValue = "true")
public class OutboxBacklog {

    /** Response header of the year lock (GET and PUT .../kunci): unpublished events of the scope. */
    public static final String HEADER = "Capaian-Outbox-Tertunda";

    @Inject EntityManager em;

    /** Unpublished events whose subject lies in the scope ({@code pemda/tahun/} or {@code pemda/tahun/opd/}). */
    @Transactional
    public long pending(String pemda, int tahun, String opd) {
        String prefix = pemda + "/" + tahun + "/" + (opd == null ? "" : opd + "/");
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE published_at IS NULL AND subject LIKE ?1 ESCAPE '\\'")
                .setParameter(1, like).getSingleResult()).longValue();
    }
}
