package id.capaian.budget.republish;

import id.capaian.budget.domain.Dpa;
import id.capaian.budget.domain.DpaNode;
import id.capaian.budget.domain.DpaRepository;
import id.capaian.budget.events.BudgetEvents;
import id.capaian.budget.events.RealizationUpdated;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.republish.CurrentStates;
import id.capaian.core.republish.Republication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Every sub kegiatan of a pemda-year (removed ones included) that has been announced, as its event carries it. */
@ApplicationScoped
public class BudgetStates implements CurrentStates {

    @Inject DpaRepository repo;

    @Override
    public List<Republication.Subjek> of(String pemda, int tahun) {
        List<Republication.Subjek> out = new ArrayList<>();
        for (Dpa dpa : repo.dpas(pemda, tahun)) {
            DpaRef ref = dpa.ref();
            List<DpaNode> nodes = repo.nodes(dpa);
            Map<Kode, DpaNode> byKode = new HashMap<>();
            nodes.forEach(n -> byKode.put(n.code(), n));
            Map<Long, NavigableMap<Integer, BigDecimal>> series = repo.amounts(dpa);
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
