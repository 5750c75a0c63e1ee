package id.capaian.report.domain;

import id.capaian.report.events.RealizationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The latest announced state of each entity: newer versions replace older ones, nothing else does. */
@ApplicationScoped
public class EntityStates {

    @Inject EntityManager em;

    /** Returns true if the event was newer than what is held and was applied. */
    @Transactional(TxType.MANDATORY)
    public boolean apply(RealizationEvent e) {
        int changed = em.createNativeQuery("""
                INSERT INTO entity_state (subject, source, type, version, event_id, event_time, data)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb))
                ON CONFLICT (subject) DO UPDATE SET source = EXCLUDED.source, type = EXCLUDED.type,
                    version = EXCLUDED.version, event_id = EXCLUDED.event_id, event_time = EXCLUDED.event_time,
                    data = EXCLUDED.data, applied_at = now()
                WHERE entity_state.version < EXCLUDED.version""")
                .setParameter(1, e.subject()).setParameter(2, e.source()).setParameter(3, e.type())
                .setParameter(4, e.version()).setParameter(5, e.id())
                .setParameter(6, OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC))
                .setParameter(7, e.data().toString())
                .executeUpdate();
        return changed == 1;
    }

    /** The version held for a subject, or 0 when none. */
    @Transactional
    public long version(String subject) {
        var held = em.createNativeQuery("SELECT version FROM entity_state WHERE subject = ?1")
                .setParameter(1, subject).getResultList();
        return held.isEmpty() ? 0 : ((Number) held.get(0)).longValue();
    }
}
