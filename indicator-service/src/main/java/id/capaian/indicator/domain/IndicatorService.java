package id.capaian.indicator.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.capaian.core.audit.AuditTrail;
import id.capaian.core.audit.Change;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.lock.Penutupan;
import id.capaian.core.lock.YearLocks;
import id.capaian.core.outbox.Outbox;
import id.capaian.core.persistence.DryRun;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import id.capaian.indicator.events.IndicatorEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every write of the indicator service, one named method per write path, each one transaction: the
 * rows it changes are locked (PESSIMISTIC_WRITE, in code order, so concurrent writers queue rather
 * than deadlock), and each changed indicator gets exactly one new version and one outbox message, and
 * one audit entry per changed indicator or month. Each first checks that its pemda-year (or OPD) is
 * not locked, and a write of a month (realisasi, progres) that the month is not closed, before it locks or
 * reads anything else. Physical progress (progres fisik) of sub kegiatan is written here too, with its own
 * version and event per series; a node's sasaran is stored per node and set on every indicator handed out.
 * Callers pass specs already validated (see {@link IndicatorRules}); existence is checked here,
 * before anything is written. Every query is in {@link IndicatorRepository}.
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
            @JsonInclude(JsonInclude.Include.ALWAYS) String rumus, BigDecimal target, String agregasi,
            @JsonInclude(JsonInclude.Include.ALWAYS) Renstra renstra,
            SortedMap<Integer, BigDecimal> realisasi) {

        static IndikatorValues of(Indicator i) {
            return new IndikatorValues(i.nama, i.satuan, i.polaritas, i.rumus, plain(i.target), i.agregasi,
                    renstra(i), null);
        }

        static IndikatorValues removed(Indicator i) {
            SortedMap<Integer, BigDecimal> series = new TreeMap<>();
            i.realisasi.forEach((bulan, nilai) -> series.put(bulan, plain(nilai)));
            return new IndikatorValues(i.nama, i.satuan, i.polaritas, i.rumus, plain(i.target), i.agregasi,
                    renstra(i), series);
        }

        private static Renstra renstra(Indicator i) {
            Renstra r = i.renstra();
            return r == null ? null : r.plain();
        }
    }

    /** What the audit trail keeps of one month's realization. */
    record Nilai(BigDecimal nilai) {
    }

    /** What the audit trail keeps of one month's physical progress. */
    record Persen(BigDecimal persen) {
    }

    /** What the audit trail keeps of a node's sasaran. */
    record SasaranValue(String sasaran) {
    }

    /**
     * What a bulk write did: months written for the first time, months changed, months already so, and
     * the events published.
     */
    public record Summary(int created, int updated, int unchanged, int events) {
    }

    /**
     * What one write transaction changed: the audit entries in order, and the indicators and progress series it
     * changed, in the order of their first change. At the end ({@link #record}) each changed one takes ONE version and
     * ONE event with its final state, however many of its parts the write changed (an import sets an indicator's list
     * entry and its month), and the rows, audit entries and events are written, one statement or batch per kind.
     */
    static final class Writes {
        final List<Change> changes = new ArrayList<>();
        final Set<Indicator> changed = new LinkedHashSet<>();
        final Set<ProgresSeri> progres = new LinkedHashSet<>();
        /** Indicators this write made: inserted at {@link #record}, after their version, so no UPDATE follows. */
        final Set<Indicator> created = new HashSet<>();

        boolean any() {
            return !changed.isEmpty() || !progres.isEmpty();
        }
    }

    /** What an import did ({@link #importBundle}): the live indicators of its nodes, and each progress month's summary. */
    public record Imported(List<Indicator> live, List<Summary> progres) {
    }

    @Inject IndicatorRepository repository;
    @Inject IndicatorEvents events;
    @Inject YearLocks locks;
    @Inject AuditTrail audit;
    @Inject Outbox outbox;
    @Inject DryRun dry;

    // ---- writes -------------------------------------------------------------------------------

    /**
     * Replaces the indicator lists of the given nodes: item i of a list is nomor i + 1; live
     * indicators beyond a list are removed, or kept as they are with {@code keepOthers} (an import of a
     * table that names fewer indicators than were added through the API). Idempotent: an unchanged
     * indicator keeps its version and announces nothing. Returns the live indicators of the listed nodes.
     * Set based: the nodes' locks, their sasaran and their indicators are taken with one statement each.
     */
    @Transactional
    public List<Indicator> replaceIndicators(DpaRef dpa, List<NodeSpec> nodes, boolean keepOthers) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        List<NodeSpec> ordered = nodes.stream().sorted(Comparator.comparing(NodeSpec::kode)).toList();
        List<String> kodes = ordered.stream().map(n -> n.kode().value()).toList();
        repository.advisoryLocks(kodes.stream().map(k -> dpa.subject(k, 0)).toList());
        Map<String, Sasaran> sasaran = repository.sasaran(dpa, kodes);
        Map<String, List<Indicator>> byNode = byNode(repository.lockNodes(dpa, kodes));
        Writes w = new Writes();
        List<Indicator> live = replace(w, dpa, ordered, keepOthers, sasaran, byNode);
        record(w);
        return live;
    }

    /**
     * One import's bundle in ONE pass ({@link IndicatorImport}): the nodes' indicator lists, then each month's
     * realizations, then each month's physical progress, by the same rules as their own PUTs, on rows locked and read
     * once (nodes' locks, then indicator rows, then progress series: the order of the writes one by one); each changed
     * indicator and series takes one version and one event with its final state, and the rows are written once at
     * the end. A refusal names its part ({@code realisasi[1].items[0].nomor}). In a dry run every rule runs and no row
     * is written ({@link #record}).
     */
    @Transactional
    public Imported importBundle(DpaRef dpa, List<NodeSpec> nodes, boolean keepOthers,
            List<IndicatorImport.RealisasiMonth> realisasi, List<IndicatorImport.ProgresMonth> progres) {
        Penutupan closed = locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        for (int m = 0; m < realisasi.size(); m++) {
            int bulan = realisasi.get(m).bulan();
            check("realisasi[" + m + "].items", () -> closed.ensureOpen(bulan));
        }
        for (int m = 0; m < progres.size(); m++) {
            int bulan = progres.get(m).bulan();
            check("progres[" + m + "].items", () -> closed.ensureOpen(bulan));
        }
        List<NodeSpec> ordered = nodes.stream().sorted(Comparator.comparing(NodeSpec::kode)).toList();
        Set<String> named = new LinkedHashSet<>();
        ordered.forEach(n -> named.add(n.kode().value()));
        Set<String> kodes = new TreeSet<>(named);
        realisasi.forEach(m -> m.items().forEach(r -> kodes.add(r.kode().value())));
        Set<Kode> progresKodes = new TreeSet<>();
        progres.forEach(m -> m.items().forEach(p -> progresKodes.add(p.kode())));
        Map<String, ProgresSeri> series = freshProgres(dpa, List.copyOf(progresKodes));
        // The nodes' locks, then the series' (the order of the writes one by one), in one statement.
        List<String> subjects = new ArrayList<>();
        named.forEach(k -> subjects.add(dpa.subject(k, 0)));
        series.values().forEach(f -> subjects.add(f.subject()));
        repository.advisoryLocks(subjects);
        Map<String, Sasaran> sasaran = repository.sasaran(dpa, kodes);
        Map<String, List<Indicator>> byNode = byNode(repository.lockNodes(dpa, kodes));
        repository.progres(dpa, series.keySet()).forEach(f -> series.put(f.key.kode, f));
        // Everything is read; no query runs from here to record, so nothing is flushed before it.
        Writes w = new Writes();
        List<Indicator> live = replace(w, dpa, ordered, keepOthers, sasaran, byNode);

        Map<String, Indicator> liveByKey = new HashMap<>();
        live.forEach(i -> liveByKey.put(i.kode + "#" + i.nomor, i));
        byNode.forEach((kode, list) -> {
            if (!named.contains(kode)) {
                for (Indicator i : list) {
                    if (!i.removed) {
                        i.sasaran = teks(sasaran.get(kode));
                        liveByKey.put(i.kode + "#" + i.nomor, i);
                    }
                }
            }
        });
        for (int m = 0; m < realisasi.size(); m++) {
            IndicatorImport.RealisasiMonth month = realisasi.get(m);
            List<RealisasiSpec> items = month.items();
            List<Integer> order = order(items);
            Indicator[] found = ProblemException.within("realisasi[" + m + "].items", () -> find(items, order, liveByKey));
            for (int k : order) {
                setRealisasi(w, found[k], month.bulan(), items.get(k).nilai());
            }
        }

        List<Summary> summaries = new ArrayList<>();
        for (IndicatorImport.ProgresMonth month : progres) {
            summaries.add(setProgres(w, series, month.bulan(), month.items()));
        }
        record(w);
        return new Imported(live, List.copyOf(summaries));
    }

    /**
     * The loop of {@link #replaceIndicators} on locked and read rows: each node's list, its sasaran, the indicators
     * beyond it. Returns the live indicators of the listed nodes.
     */
    private List<Indicator> replace(Writes w, DpaRef dpa, List<NodeSpec> ordered, boolean keepOthers,
            Map<String, Sasaran> sasaran, Map<String, List<Indicator>> byNode) {
        List<Indicator> live = new ArrayList<>();
        for (NodeSpec node : ordered) {
            boolean sasaranChanged = replaceSasaran(w, dpa, node.kode(), node.sasaran(), sasaran.get(node.kode().value()));
            Map<Integer, Indicator> existing = new HashMap<>();
            for (Indicator i : byNode.getOrDefault(node.kode().value(), List.of())) {
                i.sasaran = node.sasaran();
                existing.put(i.nomor, i);
            }
            for (int n = 0; n < node.indikator().size(); n++) {
                Indicator i = existing.remove(n + 1);
                IndikatorValues before = i == null || i.removed ? null : IndikatorValues.of(i);
                boolean created = i == null;
                if (created) {
                    i = Indicator.create(dpa, node.kode(), n + 1); // not live: apply always changes it
                    i.sasaran = node.sasaran();
                    w.created.add(i);
                }
                boolean applied = i.apply(node.indikator().get(n));
                if (applied || sasaranChanged) { // a changed sasaran re-announces every indicator of the node
                    announce(w, i);
                }
                if (applied) {
                    audit(w, i, before == null ? "indikator.buat" : "indikator.ubah", before, IndikatorValues.of(i));
                }
                live.add(i);
            }
            for (Indicator beyond : existing.values().stream().sorted(ORDER).toList()) {
                if (beyond.removed) {
                    continue;
                }
                if (keepOthers) {
                    if (sasaranChanged) {
                        announce(w, beyond); // it carries its node's sasaran
                    }
                    live.add(beyond);
                } else {
                    remove(w, beyond);
                }
            }
        }
        return live;
    }

    private static Map<String, List<Indicator>> byNode(List<Indicator> indicators) {
        Map<String, List<Indicator>> byNode = new HashMap<>();
        for (Indicator i : indicators) {
            byNode.computeIfAbsent(i.kode, k -> new ArrayList<>()).add(i);
        }
        return byNode;
    }

    /**
     * Sets a node's sasaran (null: none) as the nodes PUT states it, audited when it changes; the caller
     * holds the node's lock and read its {@code current} sasaran. Returns whether it changed.
     */
    private boolean replaceSasaran(Writes w, DpaRef dpa, Kode kode, String teks, Sasaran current) {
        NodeKey key = new NodeKey(dpa, kode.value());
        String before = current == null ? null : current.teks;
        if (Objects.equals(before, teks)) {
            return false;
        }
        if (teks == null) {
            repository.delete(current);
        } else if (current == null) {
            Sasaran created = new Sasaran();
            created.key = key;
            created.teks = teks;
            repository.persist(created);
        } else {
            current.teks = teks;
        }
        w.changes.add(new Change("sasaran.ubah", dpa.pemda(), dpa.tahun(), dpa.opd(), kode.value(), "sasaran",
                before == null ? null : new SasaranValue(before), teks == null ? null : new SasaranValue(teks)));
        return true;
    }

    /**
     * Sets one indicator's value to the end of {@code bulan}; announces only a change. One of the owners' most
     * frequent writes, so its rows are read and written without the ORM ({@link IndicatorRepository#lockMonth}); the
     * rules are the same objects' as in every other write.
     */
    @Transactional
    public Indicator setRealisasi(DpaRef dpa, Kode kode, int nomor, int bulan, BigDecimal nilai) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd(), bulan);
        Indicator i = repository.lockMonth(dpa, kode, nomor).orElseThrow(() -> notFound(kode, nomor, "nomor"));
        Writes w = new Writes();
        setRealisasi(w, i, bulan, nilai);
        if (w.any()) {
            List<Outbox.Pending> announced = announceAll(w); // the version first: writeMonth stores it
            repository.writeMonth(i, bulan);
            recordTrail(w, announced);
        }
        return i;
    }

    /**
     * Sets many indicators' values for one month in one transaction. Every indicator named must
     * exist (else 404 listing each unknown one, nothing written); unchanged values announce nothing.
     * Set based: the named indicators are locked with one statement (code, then nomor order) and read with
     * their realizations and sasaran with two more.
     */
    @Transactional
    public List<Indicator> setRealisasi(DpaRef dpa, int bulan, List<RealisasiSpec> items) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd(), bulan);
        List<Integer> order = order(items);
        List<String> kodes = new ArrayList<>();
        List<Integer> nomors = new ArrayList<>();
        for (RealisasiSpec r : items) {
            kodes.add(r.kode().value());
            nomors.add(r.nomor());
        }
        Map<String, Indicator> locked = new HashMap<>();
        for (Indicator i : repository.lock(dpa, kodes, nomors)) {
            if (!i.removed) {
                locked.put(i.kode + "#" + i.nomor, i);
            }
        }
        Indicator[] found = find(items, order, locked);
        Map<String, Sasaran> sasaran = repository.sasaran(dpa, kodes);
        Writes w = new Writes();
        for (int k : order) {
            found[k].sasaran = teks(sasaran.get(found[k].kode));
            setRealisasi(w, found[k], bulan, items.get(k).nilai());
        }
        record(w);
        return List.of(found);
    }

    /** The items' indexes in lock order: code, then nomor. */
    private static List<Integer> order(List<RealisasiSpec> items) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparing((Integer k) -> items.get(k).kode()).thenComparingInt(k -> items.get(k).nomor()));
        return order;
    }

    /** Item k's live indicator at k, from {@code live} by "kode#nomor"; 404 listing each unknown one, nothing written. */
    private static Indicator[] find(List<RealisasiSpec> items, List<Integer> order, Map<String, Indicator> live) {
        Indicator[] found = new Indicator[items.size()];
        List<FieldError> unknown = new ArrayList<>();
        for (int k : order) {
            RealisasiSpec r = items.get(k);
            found[k] = live.get(r.kode().value() + "#" + r.nomor());
            if (found[k] == null) {
                unknown.add(new FieldError("[" + k + "].nomor", describe(r.kode(), r.nomor()) + " tidak ditemukan"));
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(Comparator.comparing(FieldError::field));
            throw new ProblemException(404, "tidak-ditemukan", "Tidak ditemukan",
                    unknown.size() == 1 ? unknown.get(0).message() : unknown.size() + " indikator tidak ditemukan",
                    unknown);
        }
        return found;
    }

    /** Removes one indicator (a tombstone remains, announced with removed: true). */
    @Transactional
    public void removeIndicator(DpaRef dpa, Kode kode, int nomor) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        Indicator i = repository.lockLive(dpa, kode, nomor).orElseThrow(() -> notFound(kode, nomor, "nomor"));
        i.sasaran = sasaran(dpa, kode);
        Writes w = new Writes();
        remove(w, i);
        record(w);
    }

    /**
     * Sets one sub kegiatan's physical progress to the end of {@code bulan} (idempotent; a value below an
     * earlier month's is a correction and accepted). Returns the series after the write.
     */
    @Transactional
    public SortedMap<Integer, BigDecimal> setProgres(DpaRef dpa, Kode kode, int bulan, BigDecimal persen) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd(), bulan);
        ProgresSeri s = lockProgres(dpa, List.of(kode)).get(kode.value());
        Writes w = new Writes();
        setProgres(w, s, bulan, persen);
        record(w);
        return new TreeMap<>(s.persen);
    }

    /**
     * Sets many sub kegiatan's physical progress for one month in one transaction (the caller has refused
     * duplicate codes). Unchanged values announce nothing. Set based: the series' locks are taken with one
     * statement and the series read with one query.
     */
    @Transactional
    public Summary setProgres(DpaRef dpa, int bulan, List<ProgresSpec> items) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd(), bulan);
        List<ProgresSpec> ordered = items.stream().sorted(Comparator.comparing(ProgresSpec::kode)).toList();
        Map<String, ProgresSeri> series = lockProgres(dpa, ordered.stream().map(ProgresSpec::kode).toList());
        Writes w = new Writes();
        Summary summary = setProgres(w, series, bulan, ordered);
        record(w);
        return summary;
    }

    /** One month's progress of the given (locked, read) series, in code order. */
    private Summary setProgres(Writes w, Map<String, ProgresSeri> series, int bulan, List<ProgresSpec> items) {
        List<ProgresSpec> ordered = items.stream().sorted(Comparator.comparing(ProgresSpec::kode)).toList();
        int created = 0;
        int updated = 0;
        for (ProgresSpec p : ordered) {
            ProgresSeri s = series.get(p.kode().value());
            boolean had = s.persen.containsKey(bulan);
            if (setProgres(w, s, bulan, p.persen())) {
                if (had) {
                    updated++;
                } else {
                    created++;
                }
            }
        }
        return new Summary(created, updated, items.size() - created - updated, created + updated);
    }

    /** Records one month's progress, announced and audited; an unchanged value does neither. */
    private boolean setProgres(Writes w, ProgresSeri s, int bulan, BigDecimal persen) {
        BigDecimal old = s.persen.get(bulan);
        if (!s.set(bulan, persen)) {
            return false;
        }
        w.progres.add(s);
        w.changes.add(new Change("progres.ubah", s.key.pemda, s.key.tahun, s.key.opd, s.key.kode, "progres/" + bulan,
                old == null ? null : new Persen(plain(old)), new Persen(plain(persen))));
        return true;
    }

    /** Records one month's value; an unchanged value announces and audits nothing. */
    private void setRealisasi(Writes w, Indicator i, int bulan, BigDecimal nilai) {
        BigDecimal old = i.realisasi.get(bulan);
        if (i.setRealisasi(bulan, nilai)) {
            announce(w, i);
            audit(w, i, "realisasi.ubah", "indikator/" + i.nomor + "/realisasi/" + bulan,
                    old == null ? null : new Nilai(plain(old)), new Nilai(plain(nilai)));
        }
    }

    /** Makes a live indicator a tombstone, announced and audited with the values (and realizations) it had. */
    private void remove(Writes w, Indicator i) {
        IndikatorValues before = IndikatorValues.removed(i);
        i.remove();
        announce(w, i);
        audit(w, i, "indikator.hapus", before, null);
    }

    /** Marks the indicator changed: it takes its version and its one event at {@link #record}. */
    private static void announce(Writes w, Indicator i) {
        w.changed.add(i);
    }

    private static void audit(Writes w, Indicator i, String aksi, IndikatorValues before, IndikatorValues after) {
        audit(w, i, aksi, "indikator/" + i.nomor, before, after);
    }

    private static void audit(Writes w, Indicator i, String aksi, String entitas, Object before, Object after) {
        w.changes.add(new Change(aksi, i.pemda, i.tahun, i.opd, i.kode, entitas, before, after));
    }

    /**
     * Ends a write: each changed indicator and series takes its next version and its event, then the new rows are
     * inserted (after their version: no UPDATE follows the INSERT), the changed stored indicators written (one
     * UPDATE), then the transaction's audit entries and events: one batched INSERT each. An import's dry run ends
     * before the rows: every rule has run, nothing it would write is needed.
     */
    private void record(Writes w) {
        List<Indicator> fresh = w.changed.stream().filter(w.created::contains).toList();
        List<ProgresSeri> freshProgres = w.progres.stream().filter(s -> s.version == 0).toList();
        List<Outbox.Pending> announced = announceAll(w);
        if (dry.active()) {
            return;
        }
        repository.insert(fresh);
        repository.insertProgres(freshProgres);
        repository.update(w.changed.stream().filter(i -> !w.created.contains(i)).toList());
        recordTrail(w, announced);
    }

    /** Each changed indicator, then each changed series, takes its next version and its one event. */
    private List<Outbox.Pending> announceAll(Writes w) {
        List<Outbox.Pending> announced = new ArrayList<>();
        w.changed.forEach(i -> announced.add(events.event(i)));
        w.progres.forEach(s -> announced.add(events.event(s)));
        return announced;
    }

    /** The transaction's audit entries and events, after its rows: one batched INSERT each. */
    private void recordTrail(Writes w, List<Outbox.Pending> announced) {
        audit.recordAll(w.changes);
        outbox.appendAll(announced);
    }

    private static void check(String part, Runnable check) {
        ProblemException.within(part, () -> {
            check.run();
            return null;
        });
    }

    // ---- reads --------------------------------------------------------------------------------

    /** Every live indicator of the DPA, in code order. */
    @Transactional
    public List<Indicator> indicators(DpaRef dpa) {
        List<Indicator> found = repository.live(dpa);
        Map<String, Sasaran> sasaran = repository.sasaran(dpa);
        found.forEach(i -> i.sasaran = teks(sasaran.get(i.kode)));
        return found;
    }

    /** The live indicators of one node; 404 when it has none. */
    @Transactional
    public List<Indicator> indicators(DpaRef dpa, Kode kode) {
        List<Indicator> found = repository.live(dpa, kode);
        if (found.isEmpty()) {
            throw ProblemException.notFound("indikator node " + kode, "kode");
        }
        String sasaran = sasaran(dpa, kode);
        found.forEach(i -> i.sasaran = sasaran);
        return found;
    }

    /** One live indicator; 404 when unknown or removed. */
    @Transactional
    public Indicator indicator(DpaRef dpa, Kode kode, int nomor) {
        Indicator i = repository.live(dpa, kode, nomor).orElseThrow(() -> notFound(kode, nomor, "nomor"));
        i.sasaran = sasaran(dpa, kode);
        return i;
    }

    /** One sub kegiatan's physical progress by month; empty when none was reported. */
    @Transactional
    public SortedMap<Integer, BigDecimal> progres(DpaRef dpa, Kode kode) {
        return repository.progres(dpa, kode).<SortedMap<Integer, BigDecimal>>map(s -> new TreeMap<>(s.persen))
                .orElseGet(TreeMap::new);
    }

    /** A node's sasaran, null when none. */
    private String sasaran(DpaRef dpa, Kode kode) {
        return teks(repository.sasaran(dpa, kode).orElse(null));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static String teks(Sasaran s) {
        return s == null ? null : s.teks;
    }

    /**
     * The progress series of the given sub kegiatan (in code order), by code, each new (not yet persisted)
     * when there is none, after taking the series' advisory locks: writers of one series, including its
     * creation, queue. One statement locks, one query reads.
     */
    private Map<String, ProgresSeri> lockProgres(DpaRef dpa, List<Kode> kodes) {
        Map<String, ProgresSeri> m = freshProgres(dpa, kodes);
        repository.advisoryLocks(m.values().stream().map(ProgresSeri::subject).toList());
        repository.progres(dpa, m.keySet()).forEach(s -> m.put(s.key.kode, s));
        return m;
    }

    /** A new (not persisted) series per sub kegiatan, in code order, by code: what a series is before its first write. */
    private static Map<String, ProgresSeri> freshProgres(DpaRef dpa, List<Kode> kodes) {
        Map<String, ProgresSeri> m = new LinkedHashMap<>();
        kodes.forEach(k -> m.put(k.value(), ProgresSeri.create(new NodeKey(dpa, k.value()))));
        return m;
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
