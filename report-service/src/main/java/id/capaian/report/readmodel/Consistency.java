package id.capaian.report.readmodel;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.domain.DpaRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the incrementally kept aggregates with a recomputation from scratch, and rebuilds them
 * from the entity states when asked. The two must always agree.
 */
@ApplicationScoped
public class Consistency {

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject AnggaranProjection anggaran;
    @Inject IndikatorProjection indikator;

    public record Mismatch(String pemda, int tahun, String opd, String kode, String expected, String actual) {
    }

    public record Report(boolean consistent, int rowsChecked, List<Mismatch> mismatches) {
    }

    /**
     * Reads entity_state, anggaran and indikator in one snapshot (REPEATABLE READ, read only): a consumer
     * committing between two reads would otherwise show a mismatch that does not exist.
     */
    @Transactional
    public Report check() {
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (var st = c.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
            }
        });
        Map<Recomputation.Key, Recomputation.Row> expected = Recomputation.anggaran(leaves());
        Map<Recomputation.Key, Recomputation.Row> actual = stored();
        List<Mismatch> mismatches = new ArrayList<>();
        TreeSet<Recomputation.Key> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (Recomputation.Key k : keys) {
            Recomputation.Row e = expected.get(k);
            Recomputation.Row a = actual.get(k);
            if (e == null || a == null || !e.sameNumbers(a)) {
                mismatches.add(new Mismatch(k.pemda(), k.tahun(), k.opd(), k.kode(), String.valueOf(e), String.valueOf(a)));
            }
        }
        long liveIndicators = ((Number) em.createNativeQuery("""
                SELECT count(*) FROM entity_state WHERE type = ?1 AND version > 0
                AND NOT COALESCE((data->>'removed')::boolean, false)""")
                .setParameter(1, IndicatorState.TYPE).getSingleResult()).longValue();
        long indicatorRows = ((Number) em.createNativeQuery("SELECT count(*) FROM indikator").getSingleResult()).longValue();
        if (liveIndicators != indicatorRows) {
            mismatches.add(new Mismatch("*", 0, "*", "indikator", liveIndicators + " rows", indicatorRows + " rows"));
        }
        return new Report(mismatches.isEmpty(), keys.size(), mismatches);
    }

    /** Recomputes every aggregate and indicator row from the entity states, in one transaction. */
    @Transactional
    public int rebuild() {
        // Consumers wait while the tables are rewritten; they then apply on top of the rebuilt state.
        em.createNativeQuery("LOCK TABLE entity_state, anggaran, indikator IN EXCLUSIVE MODE").executeUpdate();
        em.createNativeQuery("DELETE FROM anggaran").executeUpdate();
        em.createNativeQuery("DELETE FROM indikator").executeUpdate();
        Map<Recomputation.Key, Recomputation.Row> rows = Recomputation.anggaran(leaves());
        rows.forEach((k, r) -> anggaran.upsert(new DpaRef(k.pemda(), k.tahun(), k.opd()), k.kode(), r.level(), r.uraian(),
                new AnggaranProjection.Contribution(r.paguMurni(), r.pagu(), r.realisasi(), r.leaves())));
        int n = rows.size();
        for (JsonNode d : states(IndicatorState.TYPE)) {
            IndicatorState s = IndicatorState.from(d);
            if (!s.removed()) {
                indikator.insert(s, false);
                n++;
            }
        }
        return n;
    }

    private List<BudgetLeaf> leaves() {
        return states(BudgetLeaf.TYPE).stream().map(BudgetLeaf::from).toList();
    }

    /** Latest data of every subject of a type, newest event last so that its names win. */
    private List<JsonNode> states(String type) {
        List<?> rows = em.createNativeQuery("""
                SELECT CAST(data AS text) FROM entity_state WHERE type = ?1 AND version > 0 ORDER BY event_time""")
                .setParameter(1, type).getResultList();
        return rows.stream().map(r -> ReadModel.parse(json, (String) r)).toList();
    }

    private Map<Recomputation.Key, Recomputation.Row> stored() {
        Map<Recomputation.Key, Recomputation.Row> rows = new TreeMap<>();
        for (Object o : em.createNativeQuery(
                "SELECT pemda, tahun, opd, kode, level, uraian, pagu, realisasi, leaves, pagu_murni FROM anggaran")
                .getResultList()) {
            Object[] r = (Object[]) o;
            rows.put(new Recomputation.Key((String) r[0], ((Number) r[1]).intValue(), (String) r[2], (String) r[3]),
                    new Recomputation.Row((String) r[4], (String) r[5], (java.math.BigDecimal) r[9],
                            (java.math.BigDecimal) r[6], Monthly.fromSql(r[7]), ((Number) r[8]).intValue()));
        }
        return rows;
    }
}
