package id.capaian.indicator.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.capaian.core.audit.AuditTrail;
import id.capaian.core.audit.Change;
import id.capaian.core.domain.Kode;
import id.capaian.core.lock.YearLocks;
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
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every write of the indicator service, one named method per write path, each one transaction: the
 * rows it changes are locked (PESSIMISTIC_WRITE, in code order, so concurrent writers queue rather
 * than deadlock), and each changed indicator gets exactly one new version and one outbox message, and
 * one audit entry per changed indicator or month. Each first checks that its pemda-year (or OPD) is
 * not locked, before it locks or reads anything else.
 * Callers pass specs already validated (see {@link IndicatorRules}); existence is checked here,
 * before anything is written.
 */
@ApplicationScoped
public class IndicatorService {

    /** Orders indicators as the report prints them: by code part by part, then nomor. */
    public static final Comparator<Indicator> ORDER =
            Comparator.comparing(Indicator::kodeValue).thenComparingInt(i -> i.nomor);

    /**
     * What the audit trail keeps of an indicator; {@code realisasi} only when it is removed (its
     * realizations go with it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IndikatorValues(String nama, String satuan, String polaritas,
            @JsonInclude(JsonInclude.Include.ALWAYS) String rumus, BigDecimal target,
            SortedMap<Integer, BigDecimal> realisasi) {

        static IndikatorValues of(Indicator i) {
            return new IndikatorValues(i.nama, i.satuan, i.polaritas, i.rumus, plain(i.target), null);
        }

        static IndikatorValues removed(Indicator i) {
            SortedMap<Integer, BigDecimal> series = new TreeMap<>();
            i.realisasi.forEach((bulan, nilai) -> series.put(bulan, plain(nilai)));
            return new IndikatorValues(i.nama, i.satuan, i.polaritas, i.rumus, plain(i.target), series);
        }
    }

    /** What the audit trail keeps of one month's realization. */
    record Nilai(BigDecimal nilai) {
    }

    @Inject EntityManager em;
    @Inject IndicatorEvents events;
    @Inject YearLocks locks;
    @Inject AuditTrail audit;

    // ---- writes -------------------------------------------------------------------------------

    /**
     * Replaces the indicator lists of the given nodes: item i of a list is nomor i + 1; live
     * indicators beyond a list are removed. Idempotent: an unchanged indicator keeps its version and
     * announces nothing. Returns the live indicators of the listed nodes.
     */
    @Transactional
    public List<Indicator> replaceIndicators(Dpa dpa, List<NodeSpec> nodes) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
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
                IndikatorValues before = i == null || i.removed ? null : IndikatorValues.of(i);
                boolean created = i == null;
                if (created) {
                    i = Indicator.create(dpa, node.kode(), n + 1); // not live: apply always changes it
                }
                if (i.apply(node.indikator().get(n))) {
                    events.changed(i); // a new one takes version 1 (or the next after a tombstone) before the insert
                    if (created) {
                        i.persist();
                    }
                    audit(i, before == null ? "indikator.buat" : "indikator.ubah", before, IndikatorValues.of(i));
                }
                live.add(i);
            }
            live.forEach(i -> i.realisasi.size()); // loaded here: the caller reads the series outside the transaction
            for (Indicator beyond : existing.values()) {
                if (!beyond.removed) {
                    remove(beyond);
                }
            }
        }
        return live;
    }

    /** Sets one indicator's value to the end of {@code bulan}; announces only a change. */
    @Transactional
    public Indicator setRealisasi(Dpa dpa, Kode kode, int nomor, int bulan, BigDecimal nilai) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        Indicator i = lockLive(dpa, kode, nomor).orElseThrow(() -> notFound(kode, nomor, "nomor"));
        setRealisasi(i, bulan, nilai);
        i.realisasi.size();
        return i;
    }

    /**
     * Sets many indicators' values for one month in one transaction. Every indicator named must
     * exist (else 404 listing each unknown one, nothing written); unchanged values announce nothing.
     */
    @Transactional
    public List<Indicator> setRealisasi(Dpa dpa, int bulan, List<RealisasiSpec> items) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
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
            setRealisasi(found[k], bulan, items.get(k).nilai());
            found[k].realisasi.size();
        }
        return List.of(found);
    }

    /** Removes one indicator (a tombstone remains, announced with removed: true). */
    @Transactional
    public void removeIndicator(Dpa dpa, Kode kode, int nomor) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        remove(lockLive(dpa, kode, nomor).orElseThrow(() -> notFound(kode, nomor, "nomor")));
    }

    /** Records one month's value; an unchanged value announces and audits nothing. */
    private void setRealisasi(Indicator i, int bulan, BigDecimal nilai) {
        BigDecimal old = i.realisasi.get(bulan);
        if (i.setRealisasi(bulan, nilai)) {
            events.changed(i);
            audit(i, "realisasi.ubah", "indikator/" + i.nomor + "/realisasi/" + bulan,
                    old == null ? null : new Nilai(plain(old)), new Nilai(plain(nilai)));
        }
    }

    /** Makes a live indicator a tombstone, announced and audited with the values (and realizations) it had. */
    private void remove(Indicator i) {
        IndikatorValues before = IndikatorValues.removed(i);
        i.remove();
        events.changed(i);
        audit(i, "indikator.hapus", before, null);
    }

    private void audit(Indicator i, String aksi, IndikatorValues before, IndikatorValues after) {
        audit(i, aksi, "indikator/" + i.nomor, before, after);
    }

    private void audit(Indicator i, String aksi, String entitas, Object before, Object after) {
        audit.record(new Change(aksi, i.pemda, i.tahun, i.opd, i.kode, entitas, before, after));
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

    /** 65.0000 as 65 and 27.5400 as 27.54, so the trail shows a value as the client wrote it. */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String describe(Kode kode, int nomor) {
        return "indikator " + kode + " nomor " + nomor;
    }

    private static ProblemException notFound(Kode kode, int nomor, String field) {
        return ProblemException.notFound(describe(kode, nomor), field);
    }
}
