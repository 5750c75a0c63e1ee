package id.capaian.report.rfk;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.report.readmodel.BudgetLeaf;
import id.capaian.report.readmodel.ProgresState;
import id.capaian.report.readmodel.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the RFK's inputs from the entity states the owners announced (the full state of every sub kegiatan
 * and of its progress), by subject prefix: one OPD, or every OPD of a pemda-year. Nothing is aggregated
 * ahead of time, so the report is exactly as current as the entity states.
 */
@ApplicationScoped
public class RfkRepository {

    @Inject EntityManager em;
    @Inject ObjectMapper json;

    /** The live sub kegiatan and the progress of one OPD ({@code opd} given) or of every OPD of a pemda-year. */
    public record Keadaan(List<BudgetLeaf> leaves, Map<String, ProgresState> progres) {

        /** The progress of a sub kegiatan, or null. */
        public ProgresState progresOf(BudgetLeaf leaf) {
            return progres.get(leaf.dpa().opd() + "/" + leaf.kode().value());
        }
    }

    public Keadaan keadaan(String pemda, int tahun, String opd) {
        String prefix = ReadModel.subjectsStartingWith(pemda + "/" + tahun + "/" + (opd == null ? "" : opd + "/"));
        Map<String, BudgetLeaf> leaves = new TreeMap<>();
        Map<String, ProgresState> progres = new HashMap<>();
        for (Object o : em.createNativeQuery("""
                SELECT type, CAST(data AS text) FROM entity_state
                WHERE subject LIKE :prefix ESCAPE '\\' AND version > 0 AND type IN (:budget, :progres)""")
                .setParameter("prefix", prefix).setParameter("budget", BudgetLeaf.TYPE)
                .setParameter("progres", ProgresState.TYPE).getResultList()) {
            Object[] r = (Object[]) o;
            if (BudgetLeaf.TYPE.equals(r[0])) {
                BudgetLeaf leaf = BudgetLeaf.from(ReadModel.parse(json, (String) r[1]));
                if (!leaf.removed()) {
                    leaves.put(leaf.dpa().opd() + "/" + leaf.kode().value(), leaf);
                }
            } else {
                ProgresState p = ProgresState.from(ReadModel.parse(json, (String) r[1]));
                if (!p.removed()) {
                    progres.put(p.dpa().opd() + "/" + p.kode().value(), p);
                }
            }
        }
        return new Keadaan(List.copyOf(leaves.values()), progres);
    }

    /** The sub kegiatan of one OPD ({@code opd} given) or of every OPD of the pemda-year, by OPD, as of {@code bulan}. */
    public Map<String, List<Rfk.Sub>> subs(String pemda, int tahun, String opd, int bulan) {
        Keadaan k = keadaan(pemda, tahun, opd);
        Map<String, List<Rfk.Sub>> byOpd = new TreeMap<>();
        for (BudgetLeaf l : k.leaves()) {
            ProgresState p = k.progresOf(l);
            byOpd.computeIfAbsent(l.dpa().opd(), x -> new ArrayList<>()).add(new Rfk.Sub(l.kode(), l.uraian(),
                    l.kegiatanUraian(), l.programUraian(), l.paguMurni(), l.pagu(), rencana(l.rak(), bulan),
                    l.realisasi()[bulan - 1], p == null ? null : p.persen()[bulan - 1]));
        }
        return byOpd;
    }

    /** The cumulative plan to the end of {@code bulan}: the sum of the amounts planned in months 1..bulan. */
    public static BigDecimal rencana(BigDecimal[] rak, int bulan) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (int i = 0; rak != null && i < bulan; i++) {
            sum = sum.add(rak[i]);
        }
        return sum;
    }
}
