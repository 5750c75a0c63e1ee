package id.capaian.budget.domain;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.persistence.Written;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * Each read is one statement, whatever the number of nodes it names. New rows are flushed by Hibernate in JDBC batches;
 * the changed stored nodes of a write are written with one UPDATE ({@link #update}), not one per node.
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
     * Writes the current state of the given stored nodes (those with an id) with one UPDATE from arrays, instead of
     * one UPDATE per node at the flush: their snapshots are first taken as written, so Hibernate finds them clean,
     * and pending writes are flushed first (a node whose INSERT is still queued is inserted, then updated here).
     * Native SQL through the session's connection: JPA has no set-based UPDATE from a list of rows.
     */
    public void update(Collection<DpaNode> nodes) {
        List<DpaNode> rows = nodes.stream().filter(n -> n.id != null).sorted(Comparator.comparing(n -> n.id)).toList();
        if (rows.isEmpty()) {
            return;
        }
        Session session = session();
        rows.forEach(n -> Written.asStored(session, n));
        session.flush();
        int size = rows.size();
        Long[] id = new Long[size];
        String[] uraian = new String[size];
        BigDecimal[] pagu = new BigDecimal[size];
        BigDecimal[] paguMurni = new BigDecimal[size];
        BigDecimal[] renstraPagu = new BigDecimal[size];
        BigDecimal[] renstraRealisasi = new BigDecimal[size];
        String[] rak = new String[size];
        Long[] version = new Long[size];
        Boolean[] removed = new Boolean[size];
        for (int i = 0; i < size; i++) {
            DpaNode n = rows.get(i);
            id[i] = n.id;
            uraian[i] = n.uraian;
            pagu[i] = n.pagu;
            paguMurni[i] = n.paguMurni;
            renstraPagu[i] = n.renstraPagu;
            renstraRealisasi[i] = n.renstraRealisasiSebelumnya;
            rak[i] = rak(n.rak);
            version[i] = n.version;
            removed[i] = n.removed;
        }
        session.doWork(conn -> {
            try (PreparedStatement s = conn.prepareStatement("""
                    UPDATE dpa_node n SET uraian = u.uraian, pagu = u.pagu, pagu_murni = u.pagu_murni,
                           renstra_pagu = u.renstra_pagu, renstra_realisasi_sebelumnya = u.renstra_realisasi_sebelumnya,
                           rak = CAST(u.rak AS numeric(20,2)[]), version = u.version, removed = u.removed
                    FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS numeric[]), CAST(? AS numeric[]),
                                CAST(? AS numeric[]), CAST(? AS numeric[]), CAST(? AS text[]), CAST(? AS bigint[]),
                                CAST(? AS boolean[]))
                         AS u(id, uraian, pagu, pagu_murni, renstra_pagu, renstra_realisasi_sebelumnya, rak, version, removed)
                    WHERE n.id = u.id""")) {
                s.setArray(1, conn.createArrayOf("bigint", id));
                s.setArray(2, conn.createArrayOf("text", uraian));
                s.setArray(3, conn.createArrayOf("numeric", pagu));
                s.setArray(4, conn.createArrayOf("numeric", paguMurni));
                s.setArray(5, conn.createArrayOf("numeric", renstraPagu));
                s.setArray(6, conn.createArrayOf("numeric", renstraRealisasi));
                s.setArray(7, conn.createArrayOf("text", rak));
                s.setArray(8, conn.createArrayOf("bigint", version));
                s.setArray(9, conn.createArrayOf("boolean", removed));
                int updated = s.executeUpdate();
                if (updated != size) {
                    throw new IllegalStateException("dpa_node: " + updated + " of " + size + " rows updated");
                }
            }
        });
    }

    /**
     * Inserts the new nodes with one statement and gives each its id (from dpa_node_seq through the column default).
     * They stay outside the persistence context: a later query of this transaction reads them like any stored node.
     */
    public void insert(List<DpaNode> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        int size = nodes.size();
        Long dpa = nodes.get(0).dpa.id;
        String[] kode = new String[size];
        String[] level = new String[size];
        String[] uraian = new String[size];
        BigDecimal[] pagu = new BigDecimal[size];
        BigDecimal[] paguMurni = new BigDecimal[size];
        BigDecimal[] renstraPagu = new BigDecimal[size];
        BigDecimal[] renstraRealisasi = new BigDecimal[size];
        String[] rak = new String[size];
        Long[] version = new Long[size];
        Boolean[] removed = new Boolean[size];
        for (int i = 0; i < size; i++) {
            DpaNode n = nodes.get(i);
            if (!n.dpa.id.equals(dpa)) {
                throw new IllegalArgumentException("nodes of more than one DPA");
            }
            kode[i] = n.kode;
            level[i] = n.level.name();
            uraian[i] = n.uraian;
            pagu[i] = n.pagu;
            paguMurni[i] = n.paguMurni;
            renstraPagu[i] = n.renstraPagu;
            renstraRealisasi[i] = n.renstraRealisasiSebelumnya;
            rak[i] = rak(n.rak);
            version[i] = n.version;
            removed[i] = n.removed;
        }
        Map<String, Long> ids = new HashMap<>();
        session().doWork(conn -> {
            try (PreparedStatement s = conn.prepareStatement("""
                    INSERT INTO dpa_node (dpa_id, kode, level, uraian, pagu, pagu_murni, renstra_pagu,
                                          renstra_realisasi_sebelumnya, rak, version, removed)
                    SELECT ?, u.kode, u.level, u.uraian, u.pagu, u.pagu_murni, u.renstra_pagu,
                           u.renstra_realisasi_sebelumnya, CAST(u.rak AS numeric(20,2)[]), u.version, u.removed
                    FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS numeric[]),
                                CAST(? AS numeric[]), CAST(? AS numeric[]), CAST(? AS numeric[]), CAST(? AS text[]),
                                CAST(? AS bigint[]), CAST(? AS boolean[]))
                         AS u(kode, level, uraian, pagu, pagu_murni, renstra_pagu, renstra_realisasi_sebelumnya, rak,
                              version, removed)
                    RETURNING id, kode""")) {
                s.setLong(1, dpa);
                s.setArray(2, conn.createArrayOf("text", kode));
                s.setArray(3, conn.createArrayOf("text", level));
                s.setArray(4, conn.createArrayOf("text", uraian));
                s.setArray(5, conn.createArrayOf("numeric", pagu));
                s.setArray(6, conn.createArrayOf("numeric", paguMurni));
                s.setArray(7, conn.createArrayOf("numeric", renstraPagu));
                s.setArray(8, conn.createArrayOf("numeric", renstraRealisasi));
                s.setArray(9, conn.createArrayOf("text", rak));
                s.setArray(10, conn.createArrayOf("bigint", version));
                s.setArray(11, conn.createArrayOf("boolean", removed));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.put(r.getString(2), r.getLong(1));
                    }
                }
            }
        });
        nodes.forEach(n -> n.id = ids.get(n.kode));
    }

    /**
     * Writes the given months (new or changed) with one INSERT … ON CONFLICT DO UPDATE; a row this transaction read
     * is taken as written, so that Hibernate does not write it again.
     */
    public void write(List<Realisasi> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Session session = session();
        int size = rows.size();
        Long[] node = new Long[size];
        Integer[] bulan = new Integer[size];
        BigDecimal[] jumlah = new BigDecimal[size];
        for (int i = 0; i < size; i++) {
            Realisasi r = rows.get(i);
            if (session.contains(r)) {
                Written.asStored(session, r);
            }
            node[i] = r.nodeId;
            bulan[i] = r.bulan;
            jumlah[i] = r.jumlah;
        }
        session.doWork(conn -> {
            try (PreparedStatement s = conn.prepareStatement("""
                    INSERT INTO realisasi (node_id, bulan, jumlah)
                    SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS int[]), CAST(? AS numeric[]))
                    ON CONFLICT (node_id, bulan) DO UPDATE SET jumlah = EXCLUDED.jumlah""")) {
                s.setArray(1, conn.createArrayOf("bigint", node));
                s.setArray(2, conn.createArrayOf("integer", bulan));
                s.setArray(3, conn.createArrayOf("numeric", jumlah));
                s.executeUpdate();
            }
        });
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
