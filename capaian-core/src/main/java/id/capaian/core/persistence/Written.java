package id.capaian.core.persistence;

import org.hibernate.Session;
import org.hibernate.engine.spi.SelfDirtinessTracker;

/**
 * For a repository that writes many managed rows itself with one set-based statement ({@code UPDATE … FROM unnest(…)})
 * instead of Hibernate's one UPDATE per row at the flush: tells the session that a row's current state is stored.
 */
public final class Written {

    private Written() {
    }

    /**
     * Takes the entity's current state as the stored one, so that no flush writes it again: the loaded snapshot is
     * dropped and taken anew ({@code setReadOnly} twice), and what the bytecode-enhanced entity noted as changed is
     * cleared. Hibernate's internals: a Hibernate upgrade must keep the owners' write tests green.
     */
    public static void asStored(Session session, Object entity) {
        session.setReadOnly(entity, true);
        session.setReadOnly(entity, false);
        if (entity instanceof SelfDirtinessTracker t) {
            t.$$_hibernate_clearDirtyAttributes();
        }
    }
}
