package id.capaian.report.readmodel;

import id.capaian.report.tenant.Dpa;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the anggaran rows current: a change of one sub kegiatan replaces its row and adds the
 * difference to its ancestors only (kegiatan, program, urusan, OPD). Ancestor rows are locked in code
 * order (the OPD total first), so concurrent consumers never deadlock and no addition is lost.
 */
@ApplicationScoped
public class AnggaranProjection {

    /** The code of the OPD-wide total row. */
    public static final String OPD_TOTAL = "";

    @Inject EntityManager em;

    void replace(BudgetLeaf before, BudgetLeaf after) {
        BudgetLeaf leaf = after;
        Contribution was = Contribution.of(before);
        Contribution now = Contribution.of(after);
        if (now.leaves() == 1) {
            upsert(leaf.dpa(), leaf.kode().value(), Level.SUB_KEGIATAN.name(), leaf.uraian(), now);
        } else {
            delete(leaf.dpa(), leaf.kode().value());
        }
        Contribution delta = now.minus(was);
        for (Ancestor a : ancestors(leaf)) {
            add(leaf.dpa(), a, delta);
        }
        em.createNativeQuery("DELETE FROM anggaran WHERE pemda = ?1 AND tahun = ?2 AND opd = ?3 AND leaves = 0")
                .setParameter(1, leaf.dpa().pemda()).setParameter(2, leaf.dpa().tahun())
                .setParameter(3, leaf.dpa().opd()).executeUpdate();
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

    private void add(Dpa dpa, Ancestor a, Contribution delta) {
        String level = a.level() == null ? "OPD" : a.level().name();
        em.createNativeQuery("""
                INSERT INTO anggaran (pemda, tahun, opd, kode, level, uraian, pagu_murni, pagu, realisasi, leaves)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 0, CAST(?7 AS numeric[]), 0) ON CONFLICT DO NOTHING""")
                .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd())
                .setParameter(4, a.kode()).setParameter(5, level).setParameter(6, a.uraian())
                .setParameter(7, Monthly.literal(Monthly.zeros())).executeUpdate();
        em.createNativeQuery("""
                UPDATE anggaran SET pagu = pagu + ?5, leaves = leaves + ?6, uraian = COALESCE(CAST(?7 AS text), uraian),
                    pagu_murni = pagu_murni + ?9,
                    realisasi = ARRAY(SELECT x.a + x.b FROM unnest(realisasi, CAST(?8 AS numeric[]))
                                      WITH ORDINALITY AS x(a, b, i) ORDER BY x.i)
                WHERE pemda = ?1 AND tahun = ?2 AND opd = ?3 AND kode = ?4""")
                .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd())
                .setParameter(4, a.kode()).setParameter(5, delta.pagu()).setParameter(6, delta.leaves())
                .setParameter(7, a.uraian()).setParameter(8, Monthly.literal(delta.realisasi()))
                .setParameter(9, delta.paguMurni()).executeUpdate();
    }

    void upsert(Dpa dpa, String kode, String level, String uraian, Contribution c) {
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

    private void delete(Dpa dpa, String kode) {
        em.createNativeQuery("DELETE FROM anggaran WHERE pemda = ?1 AND tahun = ?2 AND opd = ?3 AND kode = ?4")
                .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd())
                .setParameter(4, kode).executeUpdate();
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
    }
}
