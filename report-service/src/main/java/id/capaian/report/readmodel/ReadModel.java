package id.capaian.report.readmodel;

import id.capaian.report.tenant.Dpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Applies realization-updated events to the read model. An event is applied only when its (epoch, version)
 * ({@link Version}) is newer than the one held for its subject, under a lock on that subject's row, so duplicates, replays,
 * reordering and several consumer instances all end in the same state.
 */
@ApplicationScoped
public class ReadModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject EntityManager em;
    @Inject AnggaranProjection anggaran;
    @Inject IndikatorProjection indikator;

    /** Returns true if the event was newer than what was held, and applied. */
    @Transactional(TxType.MANDATORY)
    @Timed(value = "capaian.readmodel.apply", description = "Applying one event: entity state and its aggregates",
            percentiles = {0.5, 0.99})
    public boolean apply(RealizationEvent e) {
        Object after = read(e.type(), e.data());
        checkSubject(e.subject(), after);
        em.createNativeQuery("""
                INSERT INTO entity_state (subject, source, type, version, epoch, event_id, event_time, data)
                VALUES (?1, ?2, ?3, 0, 0, ?4, ?5, '{}') ON CONFLICT (subject) DO NOTHING""")
                .setParameter(1, e.subject()).setParameter(2, e.source()).setParameter(3, e.type())
                .setParameter(4, e.id()).setParameter(5, time(e)).executeUpdate();
        Object[] held = (Object[]) em.createNativeQuery(
                "SELECT version, type, CAST(data AS text), epoch FROM entity_state WHERE subject = ?1 FOR UPDATE")
                .setParameter(1, e.subject()).getSingleResult();
        long heldVersion = ((Number) held[0]).longValue();
        if (!e.at().isNewerThan(new Version(((Number) held[3]).longValue(), heldVersion))) {
            return false;
        }
        if (heldVersion > 0 && !e.type().equals(held[1])) {
            throw new IllegalArgumentException("subject " + e.subject() + " changed type from " + held[1]);
        }
        Object before = heldVersion == 0 ? null : read(e.type(), parse((String) held[2]));
        if (after instanceof BudgetLeaf leaf) {
            anggaran.replace((BudgetLeaf) before, leaf);
        } else if (after instanceof IndicatorState indicator) {
            indikator.replace(indicator);
        } // progress is read from its entity state by the reports that use it: nothing to aggregate

        em.createNativeQuery("""
                UPDATE entity_state SET source = ?2, version = ?3, event_id = ?4, event_time = ?5,
                    data = CAST(?6 AS jsonb), applied_at = now(), epoch = ?7 WHERE subject = ?1""")
                .setParameter(1, e.subject()).setParameter(2, e.source()).setParameter(3, e.version())
                .setParameter(7, e.epoch())
                .setParameter(4, e.id()).setParameter(5, time(e)).setParameter(6, e.data().toString())
                .executeUpdate();
        return true;
    }

    /**
     * A LIKE pattern (escape character '\\') for the subjects that start with {@code prefix}, e.g. every entity of
     * one OPD-year, "{pemda}/{tahun}/{opd}/": an OPD code may hold '_', which LIKE would read as a wildcard.
     */
    public static String subjectsStartingWith(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The (epoch, version) held for a subject, {@link Version#NONE} when none. */
    @Transactional
    public Version held(String subject) {
        var held = em.createNativeQuery("SELECT epoch, version FROM entity_state WHERE subject = ?1 AND version > 0")
                .setParameter(1, subject).getResultList();
        if (held.isEmpty()) {
            return Version.NONE;
        }
        Object[] row = (Object[]) held.get(0);
        return new Version(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** The version held for a subject, 0 when none. */
    @Transactional
    public long version(String subject) {
        var held = em.createNativeQuery("SELECT version FROM entity_state WHERE subject = ?1")
                .setParameter(1, subject).getResultList();
        return held.isEmpty() ? 0 : ((Number) held.get(0)).longValue();
    }

    static Object read(String type, JsonNode data) {
        return switch (type) {
            case BudgetLeaf.TYPE -> BudgetLeaf.from(data);
            case IndicatorState.TYPE -> IndicatorState.from(data);
            case ProgresState.TYPE -> ProgresState.from(data);
            default -> throw new IllegalArgumentException("unknown event type " + type);
        };
    }

    /** The subject names the entity the data describes; anything else is a malformed event. */
    private static void checkSubject(String subject, Object state) {
        String expected;
        if (state instanceof BudgetLeaf b) {
            expected = key(b.dpa()) + "/" + b.kode();
        } else if (state instanceof ProgresState p) {
            expected = p.subject();
        } else {
            IndicatorState i = (IndicatorState) state;
            expected = key(i.dpa()) + "/" + i.kode() + "/" + i.nomor();
        }
        if (!expected.equals(subject)) {
            throw new IllegalArgumentException("subject " + subject + " does not match its data (" + expected + ")");
        }
    }

    private static String key(Dpa d) {
        return d.pemda() + "/" + d.tahun() + "/" + d.opd();
    }

    private static OffsetDateTime time(RealizationEvent e) {
        return OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC);
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
