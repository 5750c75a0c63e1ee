package id.capaian.indicator.domain;

import id.capaian.core.domain.Kode;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import id.capaian.indicator.events.IndicatorEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every write of the indicator service, one named method per write path, each one transaction: the
 * rows it changes are locked (PESSIMISTIC_WRITE, in code order, so concurrent writers queue rather
 * than deadlock), and each changed indicator gets exactly one new version and one outbox message.
 * Callers pass specs already validated (see {@link IndicatorRules}); existence is checked here,
 * before anything is written.
 */
@ApplicationScoped
public class IndicatorService {

    /** Orders indicators as the report prints them: by code part by part, then nomor. */
    public static final Comparator<Indicator> ORDER =
            Comparator.comparing(Indicator::kodeValue).thenComparingInt(i -> i.nomor);

    @Inject EntityManager em;
    @Inject IndicatorEvents events;

    // ---- writes -------------------------------------------------------------------------------

    /**
     * Replaces the indicator lists of the given nodes: item i of a list is nomor i + 1; live
     * indicators beyond a list are removed. Idempotent: an unchanged indicator keeps its version and
     * announces nothing. Returns the live indicators of the listed nodes.
     */
    @Transactional
    public List<Indicator> replaceIndicators(Dpa dpa, List<NodeSpec> nodes) {
        List<NodeSpec> ordered = nodes.stream().sorted(Comparator.comparing(NodeSpec::kode)).toList();
        List<Indicator> live = new ArrayList<>();
        for (NodeSpec node : ordered) {
            lockNode(dpa, node.kode());
            Map<Integer, Indicator> existing = new HashMap<>();
            for (Indicator i : Indicator.<Indicator>find(
                    "pemda = ?1 and tahun = ?2 and opd = ?3 and kode = ?4 order by nomor",
                    dpa.pemda(), dpa.tahun(), dpa.opd(), node.kode().value())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
                existing.put(i.nomor, i);
            }
            for (int n = 0; n < node.indikator().size(); n++) {
                Indicator i = existing.remove(n + 1);
                if (i == null) {
                    i = Indicator.create(dpa, node.kode(), n + 1);
                    i.apply(node.indikator().get(n));
                    events.changed(i); // takes version 1 (or the next after a tombstone) before the insert
                    i.persist();
                } else if (i.apply(node.indikator().get(n))) {
                    events.changed(i);
                }
                live.add(i);
            }
            live.forEach(i -> i.realisasi.size()); // loaded here: the caller reads the series outside the transaction
            for (Indicator beyond : existing.values()) {
                if (!beyond.removed) {
                    beyond.remove();
                    events.changed(beyond);
                }
            }
        }
        return live;
    }

    /** Sets one indicator's value to the end of {@code bulan}; announces only a change. */
    @Transactional
    public Indicator setRealisasi(Dpa dpa, Kode kode, int nomor, int bulan, BigDecimal nilai) {
        Indicator i = lockLive(dpa, kode, nomor).orElseThrow(() -> notFound(kode, nomor, "nomor"));
        if (i.setRealisasi(bulan, nilai)) {
            events.changed(i);
        }
        i.realisasi.size();
        return i;
    }

    /**
     * Sets many indicators' values for one month in one transaction. Every indicator named must
     * exist (else 404 listing each unknown one, nothing written); unchanged values announce nothing.
     */
    @Transactional
    public List<Indicator> setRealisasi(Dpa dpa, int bulan, List<RealisasiSpec> items) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparing((Integer k) -> items.get(k).kode()).thenComparingInt(k -> items.get(k).nomor()));
        Indicator[] found = new Indicator[items.size()];
        List<FieldError> unknown = new ArrayList<>();
        for (int k : order) {
            RealisasiSpec r = items.get(k);
            lockLive(dpa, r.kode(), r.nomor()).ifPresentOrElse(i -> found[k] = i,
                    () -> unknown.add(new FieldError("[" + k + "].nomor", describe(r.kode(), r.nomor()) + " tidak ditemukan")));
        }
        if (!unknown.isEmpty()) {
            unknown.sort(Comparator.comparing(FieldError::field));
            throw new ProblemException(404, "tidak-ditemukan", "Tidak ditemukan",
                    unknown.size() == 1 ? unknown.get(0).message() : unknown.size() + " indikator tidak ditemukan",
                    unknown);
        }
        for (int k : order) {
            if (found[k].setRealisasi(bulan, items.get(k).nilai())) {
                events.changed(found[k]);
            }
            found[k].realisasi.size();
        }
        return List.of(found);
    }

    /** Removes one indicator (a tombstone remains, announced with removed: true). */
    @Transactional
    public void removeIndicator(Dpa dpa, Kode kode, int nomor) {
        Indicator i = lockLive(dpa, kode, nomor).orElseThrow(() -> notFound(kode, nomor, "nomor"));
        i.remove();
        events.changed(i);
    }

    // ---- reads --------------------------------------------------------------------------------

    /** Every live indicator of the DPA, in code order. */
    @Transactional
    public List<Indicator> indicators(Dpa dpa) {
        return fetch("i.pemda = ?1 and i.tahun = ?2 and i.opd = ?3", dpa.pemda(), dpa.tahun(), dpa.opd());
    }

    /** The live indicators of one node; 404 when it has none. */
    @Transactional
    public List<Indicator> indicators(Dpa dpa, Kode kode) {
        List<Indicator> found = fetch("i.pemda = ?1 and i.tahun = ?2 and i.opd = ?3 and i.kode = ?4",
                dpa.pemda(), dpa.tahun(), dpa.opd(), kode.value());
        if (found.isEmpty()) {
            throw ProblemException.notFound("indikator node " + kode, "kode");
        }
        return found;
    }

    /** One live indicator; 404 when unknown or removed. */
    @Transactional
    public Indicator indicator(Dpa dpa, Kode kode, int nomor) {
        List<Indicator> found = fetch("i.pemda = ?1 and i.tahun = ?2 and i.opd = ?3 and i.kode = ?4 and i.nomor = ?5",
                dpa.pemda(), dpa.tahun(), dpa.opd(), kode.value(), nomor);
        if (found.isEmpty()) {
            throw notFound(kode, nomor, "nomor");
        }
        return found.get(0);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private List<Indicator> fetch(String where, Object... params) {
        var q = em.createQuery("select distinct i from Indicator i left join fetch i.realisasi where "
                + where + " and i.removed = false", Indicator.class);
        for (int p = 0; p < params.length; p++) {
            q.setParameter(p + 1, params[p]);
        }
        List<Indicator> found = new ArrayList<>(q.getResultList());
        found.sort(ORDER);
        return found;
    }

    private java.util.Optional<Indicator> lockLive(Dpa dpa, Kode kode, int nomor) {
        return Indicator.<Indicator>find("pemda = ?1 and tahun = ?2 and opd = ?3 and kode = ?4 and nomor = ?5",
                        dpa.pemda(), dpa.tahun(), dpa.opd(), kode.value(), nomor)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .filter(i -> !i.removed);
    }

    /**
     * Serializes writers of one node's list, including the creation of rows that do not exist yet
     * (which a row lock cannot cover). Two-key form: apart from the outbox relay's one-key lock.
     */
    private void lockNode(Dpa dpa, Kode kode) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(8082, hashtext(?1))) l")
                .setParameter(1, dpa.subject(kode.value(), 0)).getSingleResult();
    }

    private static String describe(Kode kode, int nomor) {
        return "indikator " + kode + " nomor " + nomor;
    }

    private static ProblemException notFound(Kode kode, int nomor, String field) {
        return ProblemException.notFound(describe(kode, nomor), field);
    }
}
