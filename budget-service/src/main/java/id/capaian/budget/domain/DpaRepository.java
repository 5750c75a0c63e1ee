package id.capaian.budget.domain;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.persistence.ArrayRows;
import id.capaian.core.persistence.Written;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Every query of the DPA, its nodes and their realizations: entities through Panache with named parameters, or native
 * SQL mapped to the entities where a list of codes or ids is one array parameter ({@code = ANY}): Hibernate translates
 * an HQL query with a list parameter again on every execution, a query with scalar parameters once. Locks are taken
 * in node id order (after the DPA row, for structural changes), so concurrent writers queue instead of deadlocking.
 * Each read is one statement, whatever the number of nodes it names. A write's new nodes, changed nodes and months
 * are each written with one statement from arrays ({@link ArrayRows}), or by Hibernate's flush when they are few.
 * One month of one sub kegiatan, the single realization PUT, is read and written with plain JDBC ({@link #lockMonth}).
 */
@ApplicationScoped
public class DpaRepository {

    @Inject EntityManager em;

    public Optional<Dpa> find(DpaRef ref) {
        return Dpa.<Dpa>find("pemda = :pemda AND tahun = :tahun AND opd = :opd", params(ref)).singleResultOptional();
    }

    /** The DPA row locked FOR UPDATE (structural writes queue on it). */
    public Optional<Dpa> lock(DpaRef ref) {
        return Dpa.<Dpa>find("pemda = :pemda AND tahun = :tahun AND opd = :opd", params(ref))
                .withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional();
    }

    /**
     * The DPA, created if new, locked FOR UPDATE. Native SQL: JPA cannot say INSERT … ON CONFLICT DO NOTHING, which
     * lets concurrent creators wait for each other instead of one failing on the unique key.
     */
    public Dpa lockOrCreate(DpaRef ref) {
        em.createNativeQuery("INSERT INTO dpa (pemda, tahun, opd) VALUES (:pemda, :tahun, :opd) ON CONFLICT DO NOTHING")
                .setParameter("pemda", ref.pemda()).setParameter("tahun", ref.tahun()).setParameter("opd", ref.opd())
                .executeUpdate();
        return lock(ref).orElseThrow();
    }

    /** Every DPA of a pemda-year, in OPD order. */
    public List<Dpa> dpas(String pemda, int tahun) {
        return Dpa.list("pemda = :pemda AND tahun = :tahun ORDER BY opd", Map.of("pemda", pemda, "tahun", tahun));
    }

    /** Every node of the DPA, tombstones too. */
    public List<DpaNode> nodes(Dpa dpa) {
        return DpaNode.list("dpa = :dpa", Map.of("dpa", dpa));
    }

    /** The live nodes of the DPA. */
    public List<DpaNode> liveNodes(Dpa dpa) {
        return DpaNode.list("dpa = :dpa AND removed = false", Map.of("dpa", dpa));
    }

    /** One node (a tombstone too), not locked. */
    public Optional<DpaNode> node(Dpa dpa, Kode kode) {
        return DpaNode.<DpaNode>find("dpa = :dpa AND kode = :kode", Map.of("dpa", dpa, "kode", kode.value()))
                .singleResultOptional();
    }

    /**
     * The kegiatan and program named (tombstones too), not locked, by code. Two scalar parameters, not a list:
     * Hibernate caches the translation of a query only when no parameter is a list.
     */
    public Map<Kode, DpaNode> nodes(Dpa dpa, Kode kegiatan, Kode program) {
        Map<Kode, DpaNode> m = new HashMap<>();
        DpaNode.<DpaNode>list("dpa = :dpa AND kode IN (:kegiatan, :program)",
                Map.of("dpa", dpa, "kegiatan", kegiatan.value(), "program", program.value()))
                .forEach(n -> m.put(n.code(), n));
        return m;
    }

    /** The named nodes (tombstones too), not locked, by code. */
    public Map<Kode, DpaNode> nodes(Dpa dpa, Collection<String> kodes) {
        Map<Kode, DpaNode> m = new HashMap<>();
        if (!kodes.isEmpty()) {
            session().createNativeQuery("SELECT * FROM dpa_node WHERE dpa_id = :dpa AND kode = ANY(:kodes)", DpaNode.class)
                    .setParameter("dpa", dpa.id).setParameter("kodes", kodes.toArray(String[]::new))
                    .getResultList().forEach(n -> m.put(n.code(), n));
        }
        return m;
    }

    /** Every node of the DPA (tombstones too), locked in id order, by code. */
    public Map<Kode, DpaNode> lockAll(Dpa dpa) {
        Map<Kode, DpaNode> m = new HashMap<>();
        DpaNode.<DpaNode>find("dpa = :dpa ORDER BY id", Map.of("dpa", dpa))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(n -> m.put(n.code(), n));
        return m;
    }

    /**
     * One node of the DPA {@code ref} names (a tombstone too), locked FOR UPDATE with one statement that finds the
     * DPA by its key and locks the node row only (its DPA a lazy reference); empty when either does not exist.
     */
    public Optional<DpaNode> lock(DpaRef ref, Kode kode) {
        Map<String, Object> p = new HashMap<>(params(ref));
        p.put("kode", kode.value());
        return DpaNode.<DpaNode>find("dpa.pemda = :pemda AND dpa.tahun = :tahun AND dpa.opd = :opd AND kode = :kode", p)
                .withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional();
    }

    /** The named nodes of the DPA (tombstones too), locked in id order, by code. */
    public Map<Kode, DpaNode> lock(Dpa dpa, Collection<Kode> kodes) {
        Map<Kode, DpaNode> m = new HashMap<>();
        if (!kodes.isEmpty()) {
            // FOR NO KEY UPDATE: what Hibernate renders for PESSIMISTIC_WRITE on PostgreSQL
            session().createNativeQuery("""
                            SELECT * FROM dpa_node WHERE dpa_id = :dpa AND kode = ANY(:kodes) ORDER BY id
                            FOR NO KEY UPDATE""", DpaNode.class)
                    .setParameter("dpa", dpa.id).setParameter("kodes", kodes.stream().map(Kode::value).toArray(String[]::new))
                    .getResultList().forEach(n -> m.put(n.code(), n));
        }
        return m;
    }

    /** The realization series of one sub kegiatan (empty too). */
    public RealisasiSeries realisasi(DpaNode sub) {
        RealisasiSeries s = new RealisasiSeries(sub.id);
        Realisasi.<Realisasi>list("nodeId = :id", Map.of("id", sub.id)).forEach(s::add);
        return s;
    }

    /** The realization series of the given nodes' sub kegiatan (empty ones too), by node id. */
    public Map<Long, RealisasiSeries> realisasi(Collection<DpaNode> nodes) {
        Map<Long, RealisasiSeries> m = new HashMap<>();
        List<Long> ids = nodes.stream().filter(DpaNode::isSubKegiatan).map(n -> n.id).toList();
        if (ids.isEmpty()) {
            return m;
        }
        ids.forEach(id -> m.put(id, new RealisasiSeries(id)));
        session().createNativeQuery("SELECT * FROM realisasi WHERE node_id = ANY(:ids)", Realisasi.class)
                .setParameter("ids", ids.toArray(Long[]::new)).getResultList().forEach(r -> m.get(r.nodeId).add(r));
        return m;
    }

    /** Every sub kegiatan's monthly cumulative realizations in the DPA (month → jumlah), by node id. */
    public Map<Long, NavigableMap<Integer, BigDecimal>> amounts(Dpa dpa) {
        Map<Long, NavigableMap<Integer, BigDecimal>> series = new HashMap<>();
        Realisasi.<Realisasi>list("SELECT r FROM Realisasi r, DpaNode n WHERE r.nodeId = n.id AND n.dpa = :dpa",
                Map.of("dpa", dpa)).forEach(r -> series.computeIfAbsent(r.nodeId, x -> new TreeMap<>()).put(r.bulan, r.jumlah));
        return series;
    }

    /**
     * Writes the current state of the given stored nodes (those with an id). From {@link ArrayRows#FEWEST} nodes with
     * one UPDATE from arrays instead of one UPDATE per node at the flush: their snapshots are first taken as written,
     * so Hibernate finds them clean, and pending writes are flushed first (a node whose INSERT is still queued is
     * inserted, then updated here). Fewer are left to Hibernate's flush, which costs less for a few rows.
     */
    public void update(Collection<DpaNode> nodes) {
        List<DpaNode> rows = nodes.stream().filter(n -> n.id != null).sorted(Comparator.comparing(n -> n.id)).toList();
        if (!ArrayRows.pays(rows.size())) {
            return;
        }
        Session session = session();
        rows.forEach(n -> Written.asStored(session, n));
        session.flush();
        ArrayRows<DpaNode> u = values(ArrayRows.of(rows).column("id", "bigint", Long.class, n -> n.id));
        u.updateEach(session, "dpa_node", """
                UPDATE dpa_node n SET uraian = u.uraian, pagu = u.pagu, pagu_murni = u.pagu_murni,
                       renstra_pagu = u.renstra_pagu, renstra_realisasi_sebelumnya = u.renstra_realisasi_sebelumnya,
                       rak = CAST(u.rak AS numeric(20,2)[]), version = u.version, removed = u.removed
                FROM %s WHERE n.id = u.id""".formatted(u.unnest()));
    }

    /**
     * Inserts the new nodes and gives each its id (from dpa_node_seq). From {@link ArrayRows#FEWEST} nodes with one
     * statement (ids through the column default), the nodes then outside the persistence context (a later query of
     * this transaction reads them like any stored node); fewer are persisted for Hibernate's flush.
     */
    public void insert(List<DpaNode> nodes) {
        if (!ArrayRows.pays(nodes.size())) {
            nodes.forEach(n -> n.persist());
            return;
        }
        ArrayRows<DpaNode> u = values(ArrayRows.of(nodes)
                .column("dpa_id", "bigint", Long.class, n -> n.dpa.id)
                .column("kode", "text", String.class, n -> n.kode)
                .column("level", "text", String.class, n -> n.level.name()));
        Map<String, Long> ids = new HashMap<>(); // by DPA id and code: a list may hold nodes of several DPAs
        u.insertReturning(session(), """
                INSERT INTO dpa_node (dpa_id, kode, level, uraian, pagu, pagu_murni, renstra_pagu,
                                      renstra_realisasi_sebelumnya, rak, version, removed)
                SELECT u.dpa_id, u.kode, u.level, u.uraian, u.pagu, u.pagu_murni, u.renstra_pagu,
                       u.renstra_realisasi_sebelumnya, CAST(u.rak AS numeric(20,2)[]), u.version, u.removed
                FROM %s
                RETURNING id, dpa_id, kode""".formatted(u.unnest()),
                r -> ids.put(r.getLong(2) + "/" + r.getString(3), r.getLong(1)));
        nodes.forEach(n -> n.id = ids.get(n.dpa.id + "/" + n.kode));
    }

    /** The columns a node's write sets (all but its id, DPA, code and level, which never change). */
    private static ArrayRows<DpaNode> values(ArrayRows<DpaNode> rows) {
        return rows.column("uraian", "text", String.class, n -> n.uraian)
                .column("pagu", "numeric", BigDecimal.class, n -> n.pagu)
                .column("pagu_murni", "numeric", BigDecimal.class, n -> n.paguMurni)
                .column("renstra_pagu", "numeric", BigDecimal.class, n -> n.renstraPagu)
                .column("renstra_realisasi_sebelumnya", "numeric", BigDecimal.class, n -> n.renstraRealisasiSebelumnya)
                .column("rak", "text", String.class, n -> rak(n.rak))
                .column("version", "bigint", Long.class, n -> n.version)
                .column("removed", "boolean", Boolean.class, n -> n.removed);
    }

    /**
     * Writes the given months (new or changed). From {@link ArrayRows#FEWEST} months with one INSERT … ON CONFLICT DO
     * UPDATE (a row this transaction read is taken as written, so that Hibernate does not write it again); fewer are
     * left to Hibernate's flush, the new ones persisted.
     */
    public void write(List<Realisasi> rows) {
        Session session = session();
        if (!ArrayRows.pays(rows.size())) {
            rows.stream().filter(r -> !session.contains(r)).forEach(r -> r.persist());
            return;
        }
        rows.stream().filter(session::contains).forEach(r -> Written.asStored(session, r));
        ArrayRows<Realisasi> u = ArrayRows.of(rows)
                .column("node_id", "bigint", Long.class, r -> r.nodeId)
                .column("bulan", "integer", Integer.class, r -> r.bulan)
                .column("jumlah", "numeric", BigDecimal.class, r -> r.jumlah);
        u.execute(session, """
                INSERT INTO realisasi (node_id, bulan, jumlah) SELECT * FROM %s
                ON CONFLICT (node_id, bulan) DO UPDATE SET jumlah = EXCLUDED.jumlah""".formatted(u.unnest()));
    }

    // ------------------------------------------------------------- one month of one sub kegiatan, without the ORM

    /** A sub kegiatan read by {@link #lockMonth}: the node, its kegiatan and program (by code), its months. */
    public record Month(DpaNode sub, Map<Kode, DpaNode> parents, RealisasiSeries series) {
    }

    /** The columns of a node, named where a UNION needs them listed ({@link #node} reads them by name). */
    private static final String NODE = "id, dpa_id, kode, level, uraian, pagu, pagu_murni, renstra_pagu, "
            + "renstra_realisasi_sebelumnya, rak, version, removed";

    /**
     * The sub kegiatan {@code kode} of the DPA {@code ref} names, as the single realization PUT needs it, read with
     * plain JDBC outside the persistence context: that PUT is the owners' most frequent write, and a profile of it
     * under 8 clients put a third of budget-service's CPU in Hibernate's query handling, loading and flushing of
     * its few rows. The node row is locked FOR NO KEY UPDATE by one statement (which finds the DPA by its key);
     * its kegiatan, program and months are read by a second, whose snapshot begins after the lock is held. Empty
     * when the DPA or the node does not exist; for a tombstone or a node that is no sub kegiatan, only the node.
     * Hibernate neither tracks nor writes these objects: {@link #writeMonth} does.
     */
    public Optional<Month> lockMonth(DpaRef ref, Kode kode) {
        return session().doReturningWork(conn -> {
            DpaNode sub;
            try (PreparedStatement s = conn.prepareStatement("""
                    SELECT n.* FROM dpa_node n JOIN dpa d ON d.id = n.dpa_id
                    WHERE d.pemda = ? AND d.tahun = ? AND d.opd = ? AND n.kode = ?
                    FOR NO KEY UPDATE OF n""")) {
                s.setString(1, ref.pemda());
                s.setInt(2, ref.tahun());
                s.setString(3, ref.opd());
                s.setString(4, kode.value());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    sub = node(r, ref);
                }
            }
            RealisasiSeries series = new RealisasiSeries(sub.id);
            Map<Kode, DpaNode> parents = new HashMap<>();
            if (sub.removed || !sub.isSubKegiatan()) {
                return Optional.of(new Month(sub, parents, series));
            }
            // One statement for both: the parents' rows with null months, then the months with null node columns.
            try (PreparedStatement s = conn.prepareStatement("SELECT " + NODE + """
                    , NULL::smallint AS bulan, NULL::numeric AS jumlah FROM dpa_node WHERE dpa_id = ? AND kode IN (?, ?)
                    UNION ALL
                    SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, bulan, jumlah
                    FROM realisasi WHERE node_id = ?""")) {
                s.setLong(1, sub.dpa.id);
                s.setString(2, kode.at(Level.KEGIATAN).value());
                s.setString(3, kode.at(Level.PROGRAM).value());
                s.setLong(4, sub.id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (r.getString("kode") != null) {
                            DpaNode n = node(r, ref);
                            parents.put(n.code(), n);
                        } else {
                            Realisasi m = new Realisasi();
                            m.nodeId = sub.id;
                            m.bulan = r.getInt("bulan");
                            m.jumlah = r.getBigDecimal("jumlah");
                            series.add(m);
                        }
                    }
                }
            }
            return Optional.of(new Month(sub, parents, series));
        });
    }

    /**
     * Writes one month of a sub kegiatan {@link #lockMonth} read, and the node's version, with one statement; fails
     * unless both were written (the node is locked, so a miss means the caller's state is not stored).
     */
    public void writeMonth(DpaNode sub, Realisasi month) {
        session().doWork(conn -> {
            try (PreparedStatement s = conn.prepareStatement("""
                    WITH node AS (UPDATE dpa_node SET version = ? WHERE id = ? RETURNING id)
                    INSERT INTO realisasi (node_id, bulan, jumlah) SELECT id, ?, ? FROM node
                    ON CONFLICT (node_id, bulan) DO UPDATE SET jumlah = EXCLUDED.jumlah""")) {
                s.setLong(1, sub.version);
                s.setLong(2, sub.id);
                s.setInt(3, month.bulan);
                s.setBigDecimal(4, month.jumlah);
                if (s.executeUpdate() != 1) {
                    throw new IllegalStateException("realisasi of node " + sub.id + " month " + month.bulan + " not written");
                }
            }
        });
    }

    /** A node row of {@link #NODE}'s columns, its DPA a reference holding only the id and key. */
    private static DpaNode node(ResultSet r, DpaRef ref) throws SQLException {
        Dpa dpa = new Dpa();
        dpa.id = r.getLong("dpa_id");
        dpa.pemda = ref.pemda();
        dpa.tahun = ref.tahun();
        dpa.opd = ref.opd();
        DpaNode n = new DpaNode();
        n.id = r.getLong("id");
        n.dpa = dpa;
        n.kode = r.getString("kode");
        n.level = Level.valueOf(r.getString("level"));
        n.uraian = r.getString("uraian");
        n.pagu = r.getBigDecimal("pagu");
        n.paguMurni = r.getBigDecimal("pagu_murni");
        n.renstraPagu = r.getBigDecimal("renstra_pagu");
        n.renstraRealisasiSebelumnya = r.getBigDecimal("renstra_realisasi_sebelumnya");
        Array rak = r.getArray("rak");
        n.rak = rak == null ? null : (BigDecimal[]) rak.getArray();
        n.version = r.getLong("version");
        n.removed = r.getBoolean("removed");
        return n;
    }

    private static String rak(BigDecimal[] rak) {
        return rak == null ? null
                : Arrays.stream(rak).map(a -> a == null ? "NULL" : a.toPlainString()).collect(Collectors.joining(",", "{", "}"));
    }

    public void delete(Collection<Realisasi> rows) {
        rows.forEach(Realisasi::delete);
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private static Map<String, Object> params(DpaRef ref) {
        return Map.of("pemda", ref.pemda(), "tahun", ref.tahun(), "opd", ref.opd());
    }
}
