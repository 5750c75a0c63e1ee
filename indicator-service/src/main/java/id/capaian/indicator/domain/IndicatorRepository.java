package id.capaian.indicator.domain;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.persistence.ArrayRows;
import id.capaian.core.persistence.Written;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Every query of the indicators, their nodes' sasaran and the physical progress series: entities through Panache
 * with named parameters. Indicators come with their realizations (one fetch join), in {@link IndicatorService#ORDER};
 * locks are taken in code-then-nomor order with one statement, so concurrent writers queue instead of deadlocking.
 * New rows and realizations are flushed by Hibernate in JDBC batches (hibernate-orm.jdbc.statement-batch-size); the
 * changed stored indicators of a write are written with one UPDATE ({@link #update}), not one per indicator. One
 * month of one indicator, the single realization PUT, is read and written with plain JDBC ({@link #lockMonth}).
 */
@ApplicationScoped
public class IndicatorRepository {

    private static final String WITH_REALISASI = "SELECT DISTINCT i FROM Indicator i LEFT JOIN FETCH i.realisasi WHERE ";
    private static final String OF_DPA = "i.pemda = :pemda AND i.tahun = :tahun AND i.opd = :opd";

    @Inject EntityManager em;

    // ---- indicators ---------------------------------------------------------------------------

    /** Every live indicator of the DPA, with its realizations. */
    public List<Indicator> live(DpaRef dpa) {
        return sorted(Indicator.list(WITH_REALISASI + OF_DPA + " AND i.removed = false", params(dpa)));
    }

    /** The live indicators of one node, with their realizations. */
    public List<Indicator> live(DpaRef dpa, Kode kode) {
        Map<String, Object> p = params(dpa);
        p.put("kode", kode.value());
        return sorted(Indicator.list(WITH_REALISASI + OF_DPA + " AND i.kode = :kode AND i.removed = false", p));
    }

    /** One live indicator, with its realizations. */
    public Optional<Indicator> live(DpaRef dpa, Kode kode, int nomor) {
        Map<String, Object> p = params(dpa);
        p.put("kode", kode.value());
        p.put("nomor", nomor);
        return Indicator.<Indicator>find(WITH_REALISASI + OF_DPA
                + " AND i.kode = :kode AND i.nomor = :nomor AND i.removed = false", p).singleResultOptional();
    }

    /** One live indicator, locked FOR UPDATE; empty when unknown or a tombstone. */
    public Optional<Indicator> lockLive(DpaRef dpa, Kode kode, int nomor) {
        Map<String, Object> p = params(dpa);
        p.put("kode", kode.value());
        p.put("nomor", nomor);
        return Indicator.<Indicator>find("pemda = :pemda AND tahun = :tahun AND opd = :opd AND kode = :kode "
                        + "AND nomor = :nomor", p)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .filter(i -> !i.removed);
    }

    /**
     * One live indicator as the single realization PUT needs it, read with plain JDBC outside the persistence context:
     * that PUT is one of the owners' most frequent writes, and Hibernate's query handling, loading and flushing cost
     * more CPU than its few rows (as in budget-service's {@code DpaRepository.lockMonth}). The row is locked FOR NO KEY
     * UPDATE by one statement; its months and its node's sasaran are read by a second, whose snapshot begins after
     * the lock is held. Empty when unknown or a tombstone. Hibernate neither tracks nor writes it: {@link #writeMonth}
     * does.
     */
    public Optional<Indicator> lockMonth(DpaRef dpa, Kode kode, int nomor) {
        return session().doReturningWork(conn -> {
            Indicator i;
            try (PreparedStatement s = conn.prepareStatement("""
                    SELECT * FROM indicator WHERE pemda = ? AND tahun = ? AND opd = ? AND kode = ? AND nomor = ?
                    FOR NO KEY UPDATE""")) {
                s.setString(1, dpa.pemda());
                s.setInt(2, dpa.tahun());
                s.setString(3, dpa.opd());
                s.setString(4, kode.value());
                s.setInt(5, nomor);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || r.getBoolean("removed")) {
                        return Optional.empty();
                    }
                    i = indicator(r);
                }
            }
            // One statement for both: the months (no teks), then the sasaran (no month).
            try (PreparedStatement s = conn.prepareStatement("""
                    SELECT bulan, nilai, NULL AS teks FROM realisasi WHERE indicator_id = ?
                    UNION ALL
                    SELECT NULL, NULL, teks FROM sasaran WHERE pemda = ? AND tahun = ? AND opd = ? AND kode = ?""")) {
                s.setLong(1, i.id);
                s.setString(2, dpa.pemda());
                s.setInt(3, dpa.tahun());
                s.setString(4, dpa.opd());
                s.setString(5, kode.value());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String teks = r.getString("teks");
                        if (teks != null) {
                            i.sasaran = teks;
                        } else {
                            i.realisasi.put(r.getInt("bulan"), r.getBigDecimal("nilai"));
                        }
                    }
                }
            }
            return Optional.of(i);
        });
    }

    /**
     * Writes one month of an indicator {@link #lockMonth} read, and its version, with one statement; fails unless
     * both were written (the row is locked, so a miss means the caller's state is not stored).
     */
    public void writeMonth(Indicator i, int bulan) {
        session().doWork(conn -> {
            try (PreparedStatement s = conn.prepareStatement("""
                    WITH i AS (UPDATE indicator SET version = ? WHERE id = ? RETURNING id)
                    INSERT INTO realisasi (indicator_id, bulan, nilai) SELECT id, ?, ? FROM i
                    ON CONFLICT (indicator_id, bulan) DO UPDATE SET nilai = EXCLUDED.nilai""")) {
                s.setLong(1, i.version);
                s.setLong(2, i.id);
                s.setInt(3, bulan);
                s.setBigDecimal(4, i.realisasi.get(bulan));
                if (s.executeUpdate() != 1) {
                    throw new IllegalStateException("realisasi of indicator " + i.id + " month " + bulan + " not written");
                }
            }
        });
    }

    /** An indicator row, without its months and sasaran. */
    private static Indicator indicator(ResultSet r) throws SQLException {
        Indicator i = new Indicator();
        i.id = r.getLong("id");
        i.pemda = r.getString("pemda");
        i.tahun = r.getInt("tahun");
        i.opd = r.getString("opd");
        i.kode = r.getString("kode");
        i.nomor = r.getInt("nomor");
        i.nama = r.getString("nama");
        i.satuan = r.getString("satuan");
        i.polaritas = r.getString("polaritas");
        i.rumus = r.getString("rumus");
        i.target = r.getBigDecimal("target");
        i.agregasi = r.getString("agregasi");
        i.renstraTarget = r.getBigDecimal("renstra_target");
        i.renstraRealisasiSebelumnya = r.getBigDecimal("renstra_realisasi_sebelumnya");
        i.version = r.getLong("version");
        i.removed = r.getBoolean("removed");
        return i;
    }

    /**
     * The indicators (tombstones too) of the named nodes, locked FOR UPDATE in code-then-nomor order with one
     * statement, then read with their realizations with one query.
     */
    public List<Indicator> lockNodes(DpaRef dpa, Collection<String> kodes) {
        if (kodes.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = params(dpa);
        p.put("kodes", kodes.toArray(new String[0]));
        List<Indicator> locked = Indicator.<Indicator>find("pemda = :pemda AND tahun = :tahun AND opd = :opd "
                + "AND array_contains(:kodes, kode) ORDER BY kode, nomor", p).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        return withRealisasi(dpa, locked.stream().map(i -> i.id).toList());
    }

    /**
     * The named indicators (item k is the pair kodes[k], nomors[k]; tombstones too), locked FOR UPDATE in
     * code-then-nomor order with one statement, then read with their realizations with one query. Native SQL: JPQL
     * cannot match (kode, nomor) pairs given as two parallel arrays (unnest), and a tuple IN list would make a new
     * statement for every number of pairs.
     */
    public List<Indicator> lock(DpaRef dpa, List<String> kodes, List<Integer> nomors) {
        if (kodes.isEmpty()) {
            return List.of();
        }
        List<Long> ids = em.createNativeQuery("""
                SELECT id FROM indicator WHERE pemda = :pemda AND tahun = :tahun AND opd = :opd
                  AND (kode, nomor) IN (SELECT * FROM unnest(CAST(:kodes AS text[]), CAST(:nomors AS int[])))
                ORDER BY kode, nomor FOR UPDATE""", Long.class)
                .setParameter("pemda", dpa.pemda()).setParameter("tahun", dpa.tahun()).setParameter("opd", dpa.opd())
                .setParameter("kodes", kodes.toArray(new String[0]))
                .setParameter("nomors", nomors.toArray(new Integer[0]))
                .getResultList();
        return withRealisasi(dpa, ids);
    }

    /**
     * Takes the transaction-scoped advisory locks of the given subjects, in the given order, with one statement.
     * A node's lock serializes writers of its indicator list, a progress series' lock writers of the series,
     * including the creation of rows that do not exist yet (which a row lock cannot cover). Two-key form: apart from
     * the outbox relay's one-key lock. Native SQL: JPA has no advisory locks.
     */
    public void advisoryLocks(List<String> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(8082, hashtext(s)) "
                        + "FROM unnest(CAST(:subjects AS text[])) AS s) l")
                .setParameter("subjects", subjects.toArray(new String[0])).getSingleResult();
    }

    /**
     * Every indicator of a pemda-year that has been announced (version above 0; tombstones too), with its
     * realizations, in no particular order.
     */
    public List<Indicator> announced(String pemda, int tahun) {
        return Indicator.list(WITH_REALISASI + "i.pemda = :pemda AND i.tahun = :tahun AND i.version > 0",
                Map.of("pemda", pemda, "tahun", tahun));
    }

    /**
     * Inserts new indicators with their months and gives each its id (from indicator_seq, through the column
     * default). From {@link ArrayRows#FEWEST} indicators with one statement per table, the indicators then outside the
     * persistence context (as budget-service's new nodes: nothing later in the transaction reads them through
     * Hibernate); fewer are persisted for Hibernate's flush.
     */
    public void insert(List<Indicator> indicators) {
        if (!ArrayRows.pays(indicators.size())) {
            indicators.forEach(i -> i.persist());
            return;
        }
        Session session = session();
        ArrayRows<Indicator> u = values(ArrayRows.of(indicators)
                .column("pemda", "text", String.class, i -> i.pemda)
                .column("tahun", "integer", Integer.class, i -> i.tahun)
                .column("opd", "text", String.class, i -> i.opd)
                .column("kode", "text", String.class, i -> i.kode)
                .column("nomor", "integer", Integer.class, i -> i.nomor));
        Map<String, Long> ids = new HashMap<>();
        u.insertReturning(session, """
                INSERT INTO indicator (pemda, tahun, opd, kode, nomor, nama, satuan, polaritas, rumus, target, agregasi,
                                       renstra_target, renstra_realisasi_sebelumnya, version, removed)
                SELECT * FROM %s
                RETURNING id, pemda, tahun, opd, kode, nomor""".formatted(u.unnest()),
                r -> ids.put(rowKey(r.getString(2), r.getInt(3), r.getString(4), r.getString(5), r.getInt(6)), r.getLong(1)));
        List<Month> months = new ArrayList<>();
        for (Indicator i : indicators) {
            i.id = ids.get(rowKey(i.pemda, i.tahun, i.opd, i.kode, i.nomor));
            i.realisasi.forEach((bulan, nilai) -> months.add(new Month(i.id, bulan, nilai)));
        }
        if (!months.isEmpty()) {
            ArrayRows<Month> m = ArrayRows.of(months)
                    .column("indicator_id", "bigint", Long.class, Month::id)
                    .column("bulan", "integer", Integer.class, Month::bulan)
                    .column("nilai", "numeric", BigDecimal.class, Month::nilai);
            m.execute(session, "INSERT INTO realisasi (indicator_id, bulan, nilai) SELECT * FROM %s".formatted(m.unnest()));
        }
    }

    private record Month(Long id, Integer bulan, BigDecimal nilai) {
    }

    /** The columns a write of an indicator sets (all but its id and key, which never change), in the table's order. */
    private static ArrayRows<Indicator> values(ArrayRows<Indicator> rows) {
        return rows.column("nama", "text", String.class, i -> i.nama)
                .column("satuan", "text", String.class, i -> i.satuan)
                .column("polaritas", "text", String.class, i -> i.polaritas)
                .column("rumus", "text", String.class, i -> i.rumus)
                .column("target", "numeric", BigDecimal.class, i -> i.target)
                .column("agregasi", "text", String.class, i -> i.agregasi)
                .column("renstra_target", "numeric", BigDecimal.class, i -> i.renstraTarget)
                .column("renstra_realisasi_sebelumnya", "numeric", BigDecimal.class, i -> i.renstraRealisasiSebelumnya)
                .column("version", "bigint", Long.class, i -> i.version)
                .column("removed", "boolean", Boolean.class, i -> i.removed);
    }

    /** An indicator's unique key as one string: a list may hold indicators of several DPAs. */
    private static String rowKey(String pemda, int tahun, String opd, String kode, int nomor) {
        return pemda + "/" + tahun + "/" + opd + "/" + kode + "#" + nomor;
    }

    /**
     * Writes the current state of the given stored indicators (their realizations are Hibernate's to flush). From
     * {@link ArrayRows#FEWEST} indicators with one UPDATE from arrays instead of one UPDATE per indicator at the
     * flush: their snapshots are first taken as written, so Hibernate finds them clean, and pending writes are
     * flushed first (an indicator whose INSERT is still queued is inserted, then updated here). Fewer are left to
     * Hibernate's flush, which costs less for a few rows.
     */
    public void update(Collection<Indicator> indicators) {
        List<Indicator> rows = indicators.stream().filter(i -> i.id != null).sorted(Comparator.comparing(i -> i.id)).toList();
        if (!ArrayRows.pays(rows.size())) {
            return;
        }
        Session session = em.unwrap(Session.class);
        rows.forEach(i -> Written.asStored(session, i));
        session.flush();
        ArrayRows<Indicator> u = values(ArrayRows.of(rows).column("id", "bigint", Long.class, i -> i.id));
        u.updateEach(session, "indicator", """
                UPDATE indicator x SET nama = u.nama, satuan = u.satuan, polaritas = u.polaritas, rumus = u.rumus,
                       target = u.target, agregasi = u.agregasi, renstra_target = u.renstra_target,
                       renstra_realisasi_sebelumnya = u.renstra_realisasi_sebelumnya, version = u.version,
                       removed = u.removed
                FROM %s WHERE x.id = u.id""".formatted(u.unnest()));
    }

    // ---- sasaran ------------------------------------------------------------------------------

    /** A node's sasaran, if any. */
    public Optional<Sasaran> sasaran(DpaRef dpa, Kode kode) {
        return Sasaran.<Sasaran>findByIdOptional(new NodeKey(dpa, kode.value()));
    }

    /** Every sasaran of the DPA, by code. */
    public Map<String, Sasaran> sasaran(DpaRef dpa) {
        Map<String, Sasaran> m = new HashMap<>();
        Sasaran.<Sasaran>list("key.pemda = :pemda AND key.tahun = :tahun AND key.opd = :opd", params(dpa))
                .forEach(x -> m.put(x.key.kode, x));
        return m;
    }

    /** The sasaran of the named nodes, by code, with one query. */
    public Map<String, Sasaran> sasaran(DpaRef dpa, Collection<String> kodes) {
        Map<String, Sasaran> m = new HashMap<>();
        if (!kodes.isEmpty()) {
            Map<String, Object> p = params(dpa);
            p.put("kodes", kodes.toArray(new String[0]));
            Sasaran.<Sasaran>list("key.pemda = :pemda AND key.tahun = :tahun AND key.opd = :opd "
                            + "AND array_contains(:kodes, key.kode)", p)
                    .forEach(x -> m.put(x.key.kode, x));
        }
        return m;
    }

    /** Every sasaran of a pemda-year. */
    public List<Sasaran> sasaran(String pemda, int tahun) {
        return Sasaran.list("key.pemda = :pemda AND key.tahun = :tahun", Map.of("pemda", pemda, "tahun", tahun));
    }

    public void persist(Sasaran s) {
        s.persist();
    }

    public void delete(Sasaran s) {
        s.delete();
    }

    // ---- physical progress --------------------------------------------------------------------

    /** One sub kegiatan's progress series, if any was reported. */
    public Optional<ProgresSeri> progres(DpaRef dpa, Kode kode) {
        return ProgresSeri.<ProgresSeri>findByIdOptional(new NodeKey(dpa, kode.value()));
    }

    /** The progress series of the named sub kegiatan that exist, with their months, with one query. */
    public List<ProgresSeri> progres(DpaRef dpa, Collection<String> kodes) {
        if (kodes.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = params(dpa);
        p.put("kodes", kodes.toArray(new String[0]));
        return ProgresSeri.list("SELECT DISTINCT s FROM ProgresSeri s LEFT JOIN FETCH s.persen WHERE s.key.pemda = :pemda "
                + "AND s.key.tahun = :tahun AND s.key.opd = :opd AND array_contains(:kodes, s.key.kode)", p);
    }

    /** Every progress series of a pemda-year that has been announced (version above 0), with its months. */
    public List<ProgresSeri> announcedProgres(String pemda, int tahun) {
        return ProgresSeri.list("SELECT DISTINCT s FROM ProgresSeri s LEFT JOIN FETCH s.persen "
                + "WHERE s.key.pemda = :pemda AND s.key.tahun = :tahun AND s.version > 0",
                Map.of("pemda", pemda, "tahun", tahun));
    }

    /**
     * Inserts new progress series with their months: from {@link ArrayRows#FEWEST} with one statement per table (the
     * series then outside the persistence context), fewer persisted for Hibernate's flush.
     */
    public void insertProgres(List<ProgresSeri> series) {
        if (!ArrayRows.pays(series.size())) {
            series.forEach(x -> x.persist());
            return;
        }
        Session session = session();
        ArrayRows<ProgresSeri> u = keyed(ArrayRows.of(series), s -> s.key)
                .column("version", "bigint", Long.class, s -> s.version);
        u.execute(session, "INSERT INTO progres_seri (pemda, tahun, opd, kode, version) SELECT * FROM %s".formatted(u.unnest()));
        List<Map.Entry<NodeKey, Map.Entry<Integer, BigDecimal>>> months = new ArrayList<>();
        series.forEach(s -> s.persen.entrySet().forEach(e -> months.add(Map.entry(s.key, e))));
        if (!months.isEmpty()) {
            ArrayRows<Map.Entry<NodeKey, Map.Entry<Integer, BigDecimal>>> m = keyed(ArrayRows.of(months), Map.Entry::getKey)
                    .column("bulan", "integer", Integer.class, e -> e.getValue().getKey())
                    .column("persen", "numeric", BigDecimal.class, e -> e.getValue().getValue());
            m.execute(session, "INSERT INTO progres (pemda, tahun, opd, kode, bulan, persen) SELECT * FROM %s"
                    .formatted(m.unnest()));
        }
    }

    /** The four key columns of a node's row. */
    private static <T> ArrayRows<T> keyed(ArrayRows<T> rows, Function<T, NodeKey> key) {
        return rows.column("pemda", "text", String.class, t -> key.apply(t).pemda)
                .column("tahun", "integer", Integer.class, t -> key.apply(t).tahun)
                .column("opd", "text", String.class, t -> key.apply(t).opd)
                .column("kode", "text", String.class, t -> key.apply(t).kode);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * The indicators of the DPA with the given ids, with their realizations, with one query. Lists of codes or ids are
     * one array parameter ({@code array_contains}), not {@code IN :list}: Hibernate translates a query with a list
     * parameter again on every execution, a query with scalar or array parameters once.
     */
    private List<Indicator> withRealisasi(DpaRef dpa, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = params(dpa);
        p.put("ids", ids.toArray(new Long[0]));
        return sorted(Indicator.list(WITH_REALISASI + OF_DPA + " AND array_contains(:ids, i.id)", p));
    }

    private static List<Indicator> sorted(List<Indicator> found) {
        List<Indicator> m = new ArrayList<>(found);
        m.sort(IndicatorService.ORDER);
        return m;
    }

    /** The DPA's parameters, in a map that a query may add to. */
    private static Map<String, Object> params(DpaRef dpa) {
        Map<String, Object> m = new HashMap<>();
        m.put("pemda", dpa.pemda());
        m.put("tahun", dpa.tahun());
        m.put("opd", dpa.opd());
        return m;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
