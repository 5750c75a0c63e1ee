package id.capaian.report.readmodel;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.domain.DpaRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.JDBCException;
import org.hibernate.Session;

/**
 * Compares the incrementally kept aggregates with a recomputation from scratch, and rebuilds them
 * from the entity states when asked. The two must always agree. Both read the entity states with a cursor, one DPA
 * (pemda, tahun, OPD) at a time: an OPD's aggregates depend on its own sub kegiatan only, and a province's read model
 * does not fit in the heap at once (the whole of it ended report-service on OutOfMemoryError at ~40,000 states).
 */
@ApplicationScoped
public class Consistency {

    /** Mismatches listed in a report; the rest are counted in {@code mismatchesOmitted}. */
    static final int MISMATCHES_LISTED = 1000;
    private static final int FETCH = 500;

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject AnggaranProjection anggaran;
    @Inject IndikatorProjection indikator;

    public record Mismatch(String pemda, int tahun, String opd, String kode, String expected, String actual) {
    }

    public record Report(boolean consistent, int rowsChecked, List<Mismatch> mismatches,
            @Schema(description = "Mismatches beyond the first " + MISMATCHES_LISTED + ", counted and not listed")
            int mismatchesOmitted) {
    }

    /**
     * Reads entity_state, anggaran and indikator in one snapshot (REPEATABLE READ, read only): a consumer
     * committing between two reads would otherwise show a mismatch that does not exist.
     */
    @Transactional
    public Report check() {
        List<Mismatch> mismatches = new ArrayList<>();
        int[] counts = new int[2]; // rows checked, mismatches
        session().doWork(c -> {
            try (var st = c.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
            }
            Set<DpaRef> seen = new HashSet<>();
            Consumer<Map<Recomputation.Key, Recomputation.Row>[]> compare = pair -> {
                TreeSet<Recomputation.Key> keys = new TreeSet<>(pair[0].keySet());
                keys.addAll(pair[1].keySet());
                counts[0] += keys.size();
                for (Recomputation.Key k : keys) {
                    Recomputation.Row e = pair[0].get(k);
                    Recomputation.Row a = pair[1].get(k);
                    if (e == null || a == null || !e.sameNumbers(a)) {
                        if (counts[1]++ < MISMATCHES_LISTED) {
                            mismatches.add(new Mismatch(k.pemda(), k.tahun(), k.opd(), k.kode(), String.valueOf(e),
                                    String.valueOf(a)));
                        }
                    }
                }
            };
            eachDpa(c, (dpa, leaves) -> {
                seen.add(dpa);
                compare.accept(pair(Recomputation.anggaran(leaves), stored(c, dpa)));
            });
            // aggregates of a DPA that has no sub kegiatan state at all
            for (DpaRef dpa : aggregated(c)) {
                if (!seen.contains(dpa)) {
                    compare.accept(pair(Map.of(), stored(c, dpa)));
                }
            }
        });
        long liveIndicators = ((Number) em.createNativeQuery("""
                SELECT count(*) FROM entity_state WHERE type = ?1 AND version > 0
                AND NOT COALESCE((data->>'removed')::boolean, false)""")
                .setParameter(1, IndicatorState.TYPE).getSingleResult()).longValue();
        long indicatorRows = ((Number) em.createNativeQuery("SELECT count(*) FROM indikator").getSingleResult()).longValue();
        if (liveIndicators != indicatorRows) {
            if (counts[1]++ < MISMATCHES_LISTED) {
                mismatches.add(new Mismatch("*", 0, "*", "indikator", liveIndicators + " rows", indicatorRows + " rows"));
            }
        }
        return new Report(counts[1] == 0, counts[0], mismatches, counts[1] - mismatches.size());
    }

    /** Recomputes every aggregate and indicator row from the entity states, in one transaction. */
    @Transactional
    public int rebuild() {
        // Consumers wait while the tables are rewritten; they then apply on top of the rebuilt state.
        em.createNativeQuery("LOCK TABLE entity_state, anggaran, indikator IN EXCLUSIVE MODE").executeUpdate();
        em.createNativeQuery("DELETE FROM anggaran").executeUpdate();
        em.createNativeQuery("DELETE FROM indikator").executeUpdate();
        int[] n = {0};
        session().doWork(c -> {
            eachDpa(c, (dpa, leaves) -> Recomputation.anggaran(leaves).forEach((k, r) -> {
                anggaran.upsert(dpa, k.kode(), r.level(), r.uraian(),
                        new AnggaranProjection.Contribution(r.paguMurni(), r.pagu(), r.realisasi(), r.leaves()));
                n[0]++;
            }));
            each(c, IndicatorState.TYPE, data -> {
                IndicatorState s = IndicatorState.from(data);
                if (!s.removed()) {
                    indikator.insert(s, false);
                    n[0]++;
                }
            });
        });
        return n[0];
    }

    @SuppressWarnings("unchecked")
    private static Map<Recomputation.Key, Recomputation.Row>[] pair(Map<Recomputation.Key, Recomputation.Row> expected,
            Map<Recomputation.Key, Recomputation.Row> actual) {
        return new Map[] {expected, actual};
    }

    /**
     * The sub kegiatan states of each DPA in turn, the newest event last within it so that its names win. Subjects
     * start with their DPA ("pemda/tahun/opd/"), so in code-point order (COLLATE "C", whatever the database's
     * collation) a DPA's subjects are contiguous.
     */
    private void eachDpa(Connection c, BiConsumer<DpaRef, List<BudgetLeaf>> sink) throws SQLException {
        List<Timed> group = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT CAST(data AS text), event_time FROM entity_state WHERE type = ? AND version > 0
                ORDER BY subject COLLATE "C"
                """)) {
            s.setFetchSize(FETCH);
            s.setString(1, BudgetLeaf.TYPE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    BudgetLeaf leaf = BudgetLeaf.from(ReadModel.parse(json, r.getString(1)));
                    if (!group.isEmpty() && !group.get(0).leaf().dpa().equals(leaf.dpa())) {
                        flush(group, sink);
                    }
                    group.add(new Timed(leaf, r.getObject(2, OffsetDateTime.class)));
                }
            }
        }
        if (!group.isEmpty()) {
            flush(group, sink);
        }
    }

    private record Timed(BudgetLeaf leaf, OffsetDateTime time) {
    }

    private static void flush(List<Timed> group, BiConsumer<DpaRef, List<BudgetLeaf>> sink) {
        group.sort(Comparator.comparing(Timed::time)); // stable: equal times keep the subjects' order
        sink.accept(group.get(0).leaf().dpa(), group.stream().map(Timed::leaf).toList());
        group.clear();
    }

    /** The data of every subject of a type, read with a cursor. */
    private void each(Connection c, String type, Consumer<JsonNode> sink) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT CAST(data AS text) FROM entity_state WHERE type = ? AND version > 0 ORDER BY subject COLLATE \"C\"")) {
            s.setFetchSize(FETCH);
            s.setString(1, type);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sink.accept(ReadModel.parse(json, r.getString(1)));
                }
            }
        }
    }

    /** Every DPA that has aggregates. */
    private static List<DpaRef> aggregated(Connection c) throws SQLException {
        List<DpaRef> dpas = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT pemda, tahun, opd FROM anggaran");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                dpas.add(new DpaRef(r.getString(1), r.getInt(2), r.getString(3)));
            }
        }
        return dpas;
    }

    /** The aggregates of one DPA as stored. */
    private static Map<Recomputation.Key, Recomputation.Row> stored(Connection c, DpaRef dpa) {
        Map<Recomputation.Key, Recomputation.Row> rows = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT kode, level, uraian, pagu, realisasi, leaves, pagu_murni FROM anggaran
                WHERE pemda = ? AND tahun = ? AND opd = ?""")) {
            s.setString(1, dpa.pemda());
            s.setInt(2, dpa.tahun());
            s.setString(3, dpa.opd());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.put(new Recomputation.Key(dpa.pemda(), dpa.tahun(), dpa.opd(), r.getString(1)),
                            new Recomputation.Row(r.getString(2), r.getString(3), r.getBigDecimal(7), r.getBigDecimal(4),
                                    Monthly.fromSql(r.getArray(5)), r.getInt(6)));
                }
            }
        } catch (SQLException e) {
            throw new JDBCException("reading the aggregates of " + dpa + " failed", e);
        }
        return rows;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
