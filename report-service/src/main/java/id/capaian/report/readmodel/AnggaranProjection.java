package id.capaian.report.readmodel;


import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the anggaran rows current: a change of one sub kegiatan replaces its row and adds the
 * difference to its ancestors only (kegiatan, program, urusan, OPD). A batch sums its differences per
 * ancestor in memory and adds them with one statement; ancestor rows are locked in key order (the OPD
 * total first), so concurrent consumers never deadlock and no addition is lost.
 */
@ApplicationScoped
public class AnggaranProjection {

    /** The code of the OPD-wide total row. */
    public static final String OPD_TOTAL = "";

    @Inject EntityManager em;

    /** The changes of one batch, summed in memory and written at once by {@link Changes#write()}. */
    Changes changes() {
        return new Changes();
    }

    /**
     * A batch's changes: each sub kegiatan's row as it now is (or its removal), and for every ancestor the sum of
     * the differences its sub kegiatan made. {@link #write()} upserts the sub kegiatan rows, then creates or locks the
     * ancestors in one multi-row upsert in key order, adds the sums to them in one statement, and drops the
     * ancestors left without a sub kegiatan.
     */
    final class Changes {
        private final TreeMap<Recomputation.Key, Contribution> leaves = new TreeMap<>();
        private final TreeMap<Recomputation.Key, String> leafUraian = new TreeMap<>();
        private final TreeMap<Recomputation.Key, Delta> ancestors = new TreeMap<>();

        /** A sub kegiatan changes from {@code before} (null: not held) to {@code after}, stated at {@code time}. */
        void replace(BudgetLeaf before, BudgetLeaf after, Instant time) {
            DpaRef d = after.dpa();
            Recomputation.Key key = new Recomputation.Key(d.pemda(), d.tahun(), d.opd(), after.kode().value());
            Contribution now = Contribution.of(after);
            leaves.put(key, now);
            leafUraian.put(key, after.uraian());
            Contribution delta = now.minus(Contribution.of(before));
            for (Ancestor a : ancestors(after)) {
                ancestors.computeIfAbsent(new Recomputation.Key(d.pemda(), d.tahun(), d.opd(), a.kode()),
                        k -> new Delta(a.level() == null ? "OPD" : a.level().name())).add(delta, a.uraian(), time);
            }
        }

        void write() {
            if (leaves.isEmpty()) {
                return;
            }
            Connection c = em.unwrap(org.hibernate.Session.class).doReturningWork(x -> x);
            List<Map.Entry<Recomputation.Key, Contribution>> live = leaves.entrySet().stream()
                    .filter(e -> e.getValue().leaves() == 1).toList();
            List<Recomputation.Key> gone = leaves.entrySet().stream()
                    .filter(e -> e.getValue().leaves() == 0).map(Map.Entry::getKey).toList();
            if (!live.isEmpty()) {
                Sql.update(c, INSERT + """
                        ON CONFLICT (pemda, tahun, opd, kode) DO UPDATE SET level = EXCLUDED.level,
                            uraian = EXCLUDED.uraian, pagu = EXCLUDED.pagu, realisasi = EXCLUDED.realisasi,
                            leaves = EXCLUDED.leaves, pagu_murni = EXCLUDED.pagu_murni""",
                        Sql.texts(c, live, e -> e.getKey().pemda()), Sql.ints(c, live, e -> e.getKey().tahun()),
                        Sql.texts(c, live, e -> e.getKey().opd()), Sql.texts(c, live, e -> e.getKey().kode()),
                        Sql.texts(c, live, e -> Level.SUB_KEGIATAN.name()), Sql.texts(c, live, e -> leafUraian.get(e.getKey())),
                        Sql.numbers(c, live, e -> e.getValue().paguMurni()), Sql.numbers(c, live, e -> e.getValue().pagu()),
                        Sql.texts(c, live, e -> Monthly.literal(e.getValue().realisasi())),
                        Sql.ints(c, live, e -> e.getValue().leaves()));
            }
            if (!gone.isEmpty()) {
                Sql.update(c, """
                        DELETE FROM anggaran a USING unnest(?, ?, ?, ?) AS u(pemda, tahun, opd, kode)
                        WHERE a.pemda = u.pemda AND a.tahun = u.tahun AND a.opd = u.opd AND a.kode = u.kode""",
                        Sql.texts(c, gone, Recomputation.Key::pemda), Sql.ints(c, gone, Recomputation.Key::tahun),
                        Sql.texts(c, gone, Recomputation.Key::opd), Sql.texts(c, gone, Recomputation.Key::kode));
            }
            List<Map.Entry<Recomputation.Key, Delta>> sums = new ArrayList<>(ancestors.entrySet());
            // 1. Every ancestor row created (zero) or locked, in key order (the OPD total first): concurrent batches
            // lock their shared ancestors in the same order. Its name is set here; a CHECK would refuse the sums
            // themselves in an INSERT (a removal's negative count), so they are added by the UPDATE after it.
            Sql.update(c, INSERT + """
                    ON CONFLICT (pemda, tahun, opd, kode) DO UPDATE SET uraian = COALESCE(EXCLUDED.uraian, anggaran.uraian)""",
                    Sql.texts(c, sums, e -> e.getKey().pemda()), Sql.ints(c, sums, e -> e.getKey().tahun()),
                    Sql.texts(c, sums, e -> e.getKey().opd()), Sql.texts(c, sums, e -> e.getKey().kode()),
                    Sql.texts(c, sums, e -> e.getValue().level), Sql.texts(c, sums, e -> e.getValue().uraian),
                    Sql.numbers(c, sums, e -> BigDecimal.ZERO), Sql.numbers(c, sums, e -> BigDecimal.ZERO),
                    Sql.texts(c, sums, e -> Monthly.literal(Monthly.zeros())), Sql.ints(c, sums, e -> 0));
            // 2. The batch's sums added, one statement for all (the rows are held already).
            Sql.update(c, """
                    UPDATE anggaran a SET pagu = a.pagu + u.pagu, pagu_murni = a.pagu_murni + u.pagu_murni,
                        leaves = a.leaves + u.leaves,
                        realisasi = ARRAY(SELECT x.a + x.b FROM unnest(a.realisasi, CAST(u.realisasi AS numeric[]))
                                          WITH ORDINALITY AS x(a, b, i) ORDER BY x.i)
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?) AS u(pemda, tahun, opd, kode, pagu_murni, pagu, realisasi, leaves)
                    WHERE a.pemda = u.pemda AND a.tahun = u.tahun AND a.opd = u.opd AND a.kode = u.kode""",
                    Sql.texts(c, sums, e -> e.getKey().pemda()), Sql.ints(c, sums, e -> e.getKey().tahun()),
                    Sql.texts(c, sums, e -> e.getKey().opd()), Sql.texts(c, sums, e -> e.getKey().kode()),
                    Sql.numbers(c, sums, e -> e.getValue().sum.paguMurni()), Sql.numbers(c, sums, e -> e.getValue().sum.pagu()),
                    Sql.texts(c, sums, e -> Monthly.literal(e.getValue().sum.realisasi())),
                    Sql.ints(c, sums, e -> e.getValue().sum.leaves()));
            // 3. Ancestors left without a sub kegiatan dropped.
            Sql.update(c, """
                    DELETE FROM anggaran a USING unnest(?, ?, ?, ?) AS u(pemda, tahun, opd, kode)
                    WHERE a.pemda = u.pemda AND a.tahun = u.tahun AND a.opd = u.opd AND a.kode = u.kode AND a.leaves = 0""",
                    Sql.texts(c, sums, e -> e.getKey().pemda()), Sql.ints(c, sums, e -> e.getKey().tahun()),
                    Sql.texts(c, sums, e -> e.getKey().opd()), Sql.texts(c, sums, e -> e.getKey().kode()));
        }
    }

    /** Rows given as one array per column, in the arrays' order. */
    private static final String INSERT = """
            INSERT INTO anggaran (pemda, tahun, opd, kode, level, uraian, pagu_murni, pagu, realisasi, leaves)
            SELECT u.pemda, u.tahun, u.opd, u.kode, u.level, u.uraian, u.pagu_murni, u.pagu, CAST(u.realisasi AS numeric[]),
                u.leaves
            FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY
                AS u(pemda, tahun, opd, kode, level, uraian, pagu_murni, pagu, realisasi, leaves, i)
            ORDER BY u.i
            """;

    /** What one batch adds to an ancestor; its name is the one of the latest event that states one. */
    private static final class Delta {
        final String level;
        Contribution sum = Contribution.of(null);
        String uraian;
        Instant uraianTime = Instant.MIN;

        Delta(String level) {
            this.level = level;
        }

        void add(Contribution delta, String name, Instant time) {
            sum = sum.plus(delta);
            if (name != null && !time.isBefore(uraianTime)) {
                uraian = name;
                uraianTime = time;
            }
        }
    }

    record Ancestor(String kode, Level level, String uraian) {
    }

    /** OPD total, urusan, program, kegiatan: in this (code) order. */
    static List<Ancestor> ancestors(BudgetLeaf leaf) {
        Kode k = leaf.kode();
        List<Ancestor> list = new ArrayList<>();
        list.add(new Ancestor(OPD_TOTAL, null, null));
        list.add(new Ancestor(k.at(Level.URUSAN).value(), Level.URUSAN, null));
        list.add(new Ancestor(k.at(Level.PROGRAM).value(), Level.PROGRAM, leaf.programUraian()));
        list.add(new Ancestor(k.at(Level.KEGIATAN).value(), Level.KEGIATAN, leaf.kegiatanUraian()));
        return list;
    }

    void upsert(DpaRef dpa, String kode, String level, String uraian, Contribution c) {
        em.createNativeQuery("""
                INSERT INTO anggaran (pemda, tahun, opd, kode, level, uraian, pagu, realisasi, leaves, pagu_murni)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS numeric[]), ?9, ?10)
                ON CONFLICT (pemda, tahun, opd, kode) DO UPDATE SET level = EXCLUDED.level,
                    uraian = EXCLUDED.uraian, pagu = EXCLUDED.pagu, realisasi = EXCLUDED.realisasi,
                    leaves = EXCLUDED.leaves, pagu_murni = EXCLUDED.pagu_murni""")
                .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd())
                .setParameter(4, kode).setParameter(5, level).setParameter(6, uraian)
                .setParameter(7, c.pagu()).setParameter(8, Monthly.literal(c.realisasi()))
                .setParameter(9, c.leaves()).setParameter(10, c.paguMurni()).executeUpdate();
    }

    /** What one sub kegiatan adds to every ancestor: its ceilings, its twelve as-of realizations, itself. */
    record Contribution(BigDecimal paguMurni, BigDecimal pagu, BigDecimal[] realisasi, int leaves) {

        static Contribution of(BudgetLeaf leaf) {
            if (leaf == null || leaf.removed()) {
                return new Contribution(BigDecimal.ZERO, BigDecimal.ZERO, Monthly.zeros(), 0);
            }
            return new Contribution(leaf.paguMurni(), leaf.pagu(), leaf.realisasi(), 1);
        }

        Contribution minus(Contribution o) {
            BigDecimal[] r = new BigDecimal[Monthly.MONTHS];
            for (int i = 0; i < r.length; i++) {
                r[i] = realisasi[i].subtract(o.realisasi[i]);
            }
            return new Contribution(paguMurni.subtract(o.paguMurni), pagu.subtract(o.pagu), r, leaves - o.leaves);
        }

        Contribution plus(Contribution o) {
            BigDecimal[] r = new BigDecimal[Monthly.MONTHS];
            for (int i = 0; i < r.length; i++) {
                r[i] = realisasi[i].add(o.realisasi[i]);
            }
            return new Contribution(paguMurni.add(o.paguMurni), pagu.add(o.pagu), r, leaves + o.leaves);
        }
    }
}
