package id.capaian.budget.republish;

import id.capaian.budget.domain.Dpa;
import id.capaian.budget.domain.DpaNode;
import id.capaian.budget.domain.DpaRef;
import id.capaian.budget.domain.Realisasi;
import id.capaian.budget.events.BudgetEvents;
import id.capaian.budget.events.RealizationUpdated;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.republish.CurrentStates;
import id.capaian.core.republish.Republication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every sub kegiatan of a pemda-year (removed ones included) that has been announced, as its event carries it. */
@ApplicationScoped
public class BudgetStates implements CurrentStates {

    @Inject EntityManager em;

    @Override
    public List<Republication.Subjek> of(String pemda, int tahun) {
        List<Republication.Subjek> out = new ArrayList<>();
        List<Dpa> dpas = em.createQuery("FROM Dpa d WHERE d.pemda = :pemda AND d.tahun = :tahun ORDER BY d.opd", Dpa.class)
                .setParameter("pemda", pemda).setParameter("tahun", tahun).getResultList();
        for (Dpa dpa : dpas) {
            DpaRef ref = new DpaRef(dpa.pemda, dpa.tahun, dpa.opd);
            List<DpaNode> nodes = em.createQuery("FROM DpaNode n WHERE n.dpa = :dpa", DpaNode.class)
                    .setParameter("dpa", dpa).getResultList();
            Map<Kode, DpaNode> byKode = new HashMap<>();
            nodes.forEach(n -> byKode.put(n.code(), n));
            Map<Long, TreeMap<Integer, BigDecimal>> series = new HashMap<>();
            for (Realisasi r : em.createQuery(
                    "SELECT r FROM Realisasi r, DpaNode n WHERE r.nodeId = n.id AND n.dpa = :dpa", Realisasi.class)
                    .setParameter("dpa", dpa).getResultList()) {
                series.computeIfAbsent(r.nodeId, x -> new TreeMap<>()).put(r.bulan, r.jumlah);
            }
            nodes.stream().filter(n -> n.isSubKegiatan() && n.version > 0).sorted(Comparator.comparing(n -> n.kode))
                    .forEach(n -> out.add(new Republication.Subjek(ref.subject(n.kode), RealizationUpdated.TYPE,
                            RealizationUpdated.DATASCHEMA, n.version,
                            BudgetEvents.data(ref, n, byKode.get(n.code().at(Level.KEGIATAN)),
                                    byKode.get(n.code().at(Level.PROGRAM)),
                                    series.getOrDefault(n.id, new TreeMap<>())))));
        }
        return out;
    }
}
