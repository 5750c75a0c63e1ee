package id.capaian.report.readmodel;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.domain.DpaRef;
import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies realization-updated events to the read model, a batch at a time. An event is applied only when its
 * (epoch, version) ({@link Version}) is newer than the one held for its subject, under a lock on that subject's row,
 * so duplicates, replays, reordering, several consumer instances and an owner re-publishing after a restore all end
 * in the same state.
 */
@ApplicationScoped
public class ReadModel {

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject AnggaranProjection anggaran;
    @Inject IndikatorProjection indikator;

    /** Returns true if the event was newer than what was held, and applied. */
    @Transactional(TxType.MANDATORY)
    public boolean apply(RealizationEvent e) {
        return applyAll(List.of(e)) == 1;
    }

    /**
     * Applies a batch of events in the caller's transaction and returns how many changed the model. The batch is
     * coalesced to the newest version of each subject first (an older one would be overwritten within the same
     * transaction anyway); then the subjects not held yet are inserted with their events and every other subject's
     * row is locked, each in one fixed order (code-point order of the subject), each event is applied only if it is
     * newer than the version held, and the aggregates take the
     * sum of the batch's changes at once: one statement per table, whatever the batch's size. Concurrent
     * batches therefore wait for each other in one order and never deadlock.
     *
     * @throws IllegalArgumentException an event that cannot be read or contradicts what is held (poison)
     */
    @Transactional(TxType.MANDATORY)
    @Timed(value = "capaian.readmodel.apply", description = "Applying one batch of events: entity states and their aggregates",
            percentiles = {0.5, 0.99})
    public int applyAll(List<RealizationEvent> events) {
        TreeMap<String, Pending> newest = new TreeMap<>(); // String order = code-point order = COLLATE "C" (ASCII subjects)
        for (RealizationEvent e : events) {
            Object after = validate(e);
            Pending held = newest.get(e.subject());
            if (held == null || e.at().isNewerThan(held.event().at())) {
                newest.put(e.subject(), new Pending(e, after));
            }
        }
        if (newest.isEmpty()) {
            return 0;
        }
        Connection c = connection();
        List<Pending> batch = new ArrayList<>(newest.values());
        // Every new subject's row is inserted with its event at once (nothing is held, so nothing to compare or
        // subtract): one write instead of a placeholder, a row lock and an update (half the WAL of a new subject).
        // Then the other subjects are locked in the same order and compared with what they hold.
        Set<String> inserted = new HashSet<>();
        for (Object[] r : Sql.query(c, """
                INSERT INTO entity_state (subject, source, type, version, epoch, event_id, event_time, data)
                SELECT u.subject, u.source, u.type, u.version, u.epoch, CAST(u.id AS uuid), CAST(u.time AS timestamptz),
                       CAST(u.data AS jsonb)
                FROM unnest(?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY AS u(subject, source, type, version, epoch, id, time, data, i)
                WHERE NOT EXISTS (SELECT 1 FROM entity_state h WHERE h.subject = u.subject) -- data parsed for new ones only
                ORDER BY u.i ON CONFLICT (subject) DO NOTHING RETURNING subject""",
                Sql.texts(c, batch, p -> p.event().subject()), Sql.texts(c, batch, p -> p.event().source()),
                Sql.texts(c, batch, p -> p.event().type()), Sql.longs(c, batch, p -> p.event().version()),
                Sql.longs(c, batch, p -> p.event().epoch()), Sql.texts(c, batch, p -> p.event().id().toString()),
                Sql.texts(c, batch, p -> p.event().time().toString()), Sql.texts(c, batch, p -> p.event().data().toString()))) {
            inserted.add((String) r[0]);
        }
        List<String> existing = batch.stream().map(p -> p.event().subject()).filter(s -> !inserted.contains(s)).toList();
        Map<String, Object[]> held = new HashMap<>();
        if (!existing.isEmpty()) {
            for (Object[] r : Sql.query(c, """
                    SELECT subject, version, type, CAST(data AS text), epoch FROM entity_state WHERE subject = ANY(?)
                    ORDER BY subject COLLATE "C" FOR UPDATE""", Sql.texts(c, existing, s -> s))) {
                held.put((String) r[0], r);
            }
        }
        AnggaranProjection.Changes anggaranChanges = anggaran.changes();
        List<IndicatorState> indicators = new ArrayList<>();
        List<RealizationEvent> applied = new ArrayList<>(); // to write over what was held
        for (Pending p : batch) {
            RealizationEvent e = p.event();
            Object[] h = held.get(e.subject());
            if (h == null && !inserted.contains(e.subject())) { // its row was deleted meanwhile: the batch is tried again
                throw new IllegalStateException("entity_state row of " + e.subject() + " vanished while the batch was applied");
            }
            long heldVersion = h == null ? 0 : ((Number) h[1]).longValue();
            if (h != null && !e.at().isNewerThan(new Version(((Number) h[4]).longValue(), heldVersion))) {
                continue;
            }
            if (heldVersion > 0 && !e.type().equals(h[2])) {
                throw new IllegalArgumentException("subject " + e.subject() + " changed type from " + h[2]);
            }
            Object before = heldVersion == 0 ? null : read(e.type(), parse(json, (String) h[3]));
            if (p.state() instanceof BudgetLeaf leaf) {
                anggaranChanges.replace((BudgetLeaf) before, leaf, e.time());
            } else if (p.state() instanceof IndicatorState indicator) {
                indicators.add(indicator);
            } // progress is read from its entity state by the reports that use it: nothing to aggregate
            if (h != null) {
                applied.add(e);
            }
        }
        anggaranChanges.write();
        indikator.replaceAll(indicators);
        if (!applied.isEmpty()) {
            Sql.update(c, """
                    UPDATE entity_state e SET source = u.source, version = u.version, epoch = u.epoch,
                        event_id = CAST(u.id AS uuid), event_time = CAST(u.time AS timestamptz), data = CAST(u.data AS jsonb),
                        applied_at = now()
                    FROM unnest(?, ?, ?, ?, ?, ?, ?) AS u(subject, source, version, epoch, id, time, data)
                    WHERE e.subject = u.subject""",
                    Sql.texts(c, applied, RealizationEvent::subject), Sql.texts(c, applied, RealizationEvent::source),
                    Sql.longs(c, applied, RealizationEvent::version), Sql.longs(c, applied, RealizationEvent::epoch),
                    Sql.texts(c, applied, e -> e.id().toString()),
                    Sql.texts(c, applied, e -> e.time().toString()), Sql.texts(c, applied, e -> e.data().toString()));
        }
        return inserted.size() + applied.size();
    }

    /** An event of the batch with its data read. */
    private record Pending(RealizationEvent event, Object state) {
    }

    /** Reads an event's data and checks it against its subject; what fails is the event's fault (poison). */
    public static Object validate(RealizationEvent e) {
        Object state = read(e.type(), e.data());
        checkSubject(e.subject(), state);
        return state;
    }

    /** The JDBC connection of the current transaction. */
    Connection connection() {
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> c);
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

    private static String key(DpaRef d) {
        return d.pemda() + "/" + d.tahun() + "/" + d.opd();
    }

    /** A state as the read model stores it (entity_state.data), read with the application's mapper: amounts exact. */
    public static JsonNode parse(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
