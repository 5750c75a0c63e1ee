package id.capaian.budget.domain;

import id.capaian.budget.events.BudgetEvents;
import id.capaian.core.audit.AuditTrail;
import id.capaian.core.audit.Change;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Violations;
import id.capaian.core.lock.Penutupan;
import id.capaian.core.lock.YearLocks;
import id.capaian.core.outbox.Outbox;
import id.capaian.core.persistence.DryRun;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The DPA, its pagu and its realizations: one named method per write path, each one transaction that first checks
 * that its pemda-year (and for a realization its month) is open, then locks and reads the rows it names
 * ({@link DpaRepository}), checks the rules that need the stored state, applies the specs (the node and the series
 * say what changed), appends one outbox message per changed sub kegiatan and one audit entry per changed node, plan
 * or month. Callers pass specs already validated (the request types' {@code toSpec}). A write is set based whatever
 * its size: the rows it names are read and locked with one statement (for one sub kegiatan it finds the DPA too),
 * their kegiatan and program read with one more; its changed nodes are written with one UPDATE, its new rows, audit
 * entries and outbox messages in JDBC batches. The single realization PUT, the most frequent write, reads and writes
 * its few rows with plain JDBC instead ({@link DpaRepository#lockMonth}, {@link DpaRepository#writeMonth}).
 */
@ApplicationScoped
public class DpaService {

    /** A sub kegiatan's cash plan: the 12 monthly amounts, their sum and the pagu in force. */
    public record RakPlan(Kode kode, List<BigDecimal> bulan, BigDecimal jumlah, BigDecimal pagu) {

        static RakPlan of(DpaNode n) {
            List<BigDecimal> b = n.rakPlan();
            return new RakPlan(n.code(), b, b.stream().reduce(Tree.ZERO, BigDecimal::add), n.pagu);
        }
    }

    /** What a write did; {@code events} is the number of outbox messages it appended. */
    public record Summary(int created, int updated, int unchanged, int events) {
    }

    /** What the audit trail keeps of a node. */
    record NodeValues(String uraian, BigDecimal pagu, BigDecimal paguMurni, Renstra renstra) {

        static NodeValues of(DpaNode n) {
            return new NodeValues(n.uraian, n.pagu, n.paguMurni, n.renstra());
        }
    }

    /** What the audit trail keeps of a cash plan. */
    record RakValues(List<BigDecimal> bulan) {
    }

    /** What the audit trail keeps of a month's realization. */
    record Jumlah(BigDecimal jumlah) {
    }

    /**
     * What one write transaction changed: its audit entries in order, its nodes and months, and the sub kegiatan to
     * announce, in the order of their first change. At the end ({@link #record}) each announced sub kegiatan takes ONE
     * version and ONE event with its final state, however many of its parts the write changed (an import sets a node,
     * its plan and its month), and the rows, audit entries and events are written, one statement or batch per kind.
     */
    static final class Writes {
        final DpaRef ref;
        final List<Change> changes = new ArrayList<>();
        /** Sub kegiatan to announce, with the nodes that hold its kegiatan and program and its months (null: none). */
        final Map<DpaNode, Announced> announced = new LinkedHashMap<>();
        /** Stored nodes this write changed ({@link DpaRepository#update}). */
        final Set<DpaNode> changed = new LinkedHashSet<>();
        /** New nodes, inserted once they hold their final state (so that an INSERT is never followed by an UPDATE). */
        final List<DpaNode> created = new ArrayList<>();
        /** Months written, new or changed ({@link DpaRepository#write}), each with its node (new ones have no id yet). */
        final Map<Realisasi, DpaNode> realisasi = new LinkedHashMap<>();

        Writes(DpaRef ref) {
            this.ref = ref;
        }
    }

    record Announced(Map<Kode, DpaNode> nodes, RealisasiSeries series) {
    }

    @Inject DpaRepository repo;
    @Inject Outbox outbox;
    @Inject BudgetEvents events;
    @Inject YearLocks locks;
    @Inject AuditTrail audit;
    @Inject DryRun dry;

    // ----------------------------------------------------------------------------------------- reads

    @Transactional
    public Tree tree(DpaRef ref, Integer bulan) {
        Dpa dpa = dpa(ref);
        return Tree.of(repo.liveNodes(dpa), repo.amounts(dpa), bulan);
    }

    @Transactional
    public Tree.Branch node(DpaRef ref, Kode kode, Integer bulan) {
        return tree(ref, bulan).find(kode).orElseThrow(() -> nodeNotFound(kode));
    }

    @Transactional
    public List<Tree.Bulanan> series(DpaRef ref, Kode kode) {
        Tree.Branch b = node(ref, kode, null);
        if (b.level() != Level.SUB_KEGIATAN) {
            throw notALeaf(kode, "realisasi");
        }
        return b.bulanan();
    }

    /** The cash plan (RAK) of one sub kegiatan; 404 while none was set. */
    @Transactional
    public RakPlan rak(DpaRef ref, Kode kode) {
        DpaNode n = repo.node(dpa(ref), kode).orElse(null);
        if (!live(n)) {
            throw nodeNotFound(kode);
        }
        if (!n.isSubKegiatan()) {
            throw notALeaf(kode, "RAK");
        }
        if (n.rak == null) {
            throw ProblemException.notFound("RAK " + kode, "kode");
        }
        return RakPlan.of(n);
    }

    // ---------------------------------------------------------------------------------------- writes

    /**
     * Creates or updates the listed nodes (program, kegiatan, sub kegiatan; an urusan only for its uraian), the DPA
     * with its first node. A node's parent must exist or be listed; a pagu may not go below the highest realization
     * recorded. Idempotent: a node equal to the stored one is left alone and announces nothing. Every changed sub
     * kegiatan, and every one below a kegiatan or program whose uraian or renstra changed, is announced once.
     */
    @Transactional
    public Summary upsertNodes(DpaRef ref, List<NodeSpec> specs) {
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd());
        Dpa dpa = repo.lockOrCreate(ref);
        Map<Kode, DpaNode> stored = repo.lockAll(dpa);
        Map<Long, RealisasiSeries> realisasi = repo.realisasi(stored.values());
        Writes w = new Writes(ref);
        Summary summary = upsertNodes(w, ref, dpa, specs, stored, realisasi);
        record(w);
        return summary;
    }

    /**
     * One import's bundle in ONE pass ({@link DpaImport}): the nodes, then the cash plans, then each month's
     * realizations, by the same rules as their own PUTs, on the DPA's nodes locked and read once; each changed sub
     * kegiatan takes one version and one event with its final state, and the rows are written once at the end. A
     * refusal names its part ({@code nodes[3].pagu}, {@code rak[1].bulan}, {@code realisasi[0].items[2].jumlah}). In a
     * dry run every rule runs and no row is written ({@link #record}).
     */
    @Transactional
    public DpaImport.Result importBundle(DpaRef ref, List<NodeSpec> nodes, List<RakSpec> rak, List<DpaImport.Month> months) {
        Penutupan closed = locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd());
        for (int i = 0; i < months.size(); i++) {
            int bulan = months.get(i).bulan();
            ProblemException.within("realisasi[" + i + "].items", () -> {
                closed.ensureOpen(bulan);
                return null;
            });
        }
        Dpa dpa = repo.lockOrCreate(ref);
        Map<Kode, DpaNode> stored = repo.lockAll(dpa);
        Map<Long, RealisasiSeries> read = repo.realisasi(stored.values());
        // Everything is read; no query runs from here to record, so nothing is flushed before it.
        Map<DpaNode, RealisasiSeries> series = new HashMap<>();
        Function<DpaNode, RealisasiSeries> seriesOf = n -> series.computeIfAbsent(n,
                x -> x.id != null && read.containsKey(x.id) ? read.get(x.id) : new RealisasiSeries(x.id));
        Writes w = new Writes(ref);
        Summary nodesDone = ProblemException.within("nodes", () -> upsertNodes(w, ref, dpa, nodes, stored, read));
        Summary rakDone = rak.isEmpty() ? null : ProblemException.within("rak", () -> setRak(w, ref, rak, stored, stored, seriesOf));
        List<Summary> realisasiDone = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            DpaImport.Month m = months.get(i);
            realisasiDone.add(ProblemException.within("realisasi[" + i + "].items",
                    () -> setRealisasi(w, ref, m.bulan(), m.items(), stored, stored, seriesOf)));
        }
        record(w);
        return new DpaImport.Result(nodesDone, rakDone, List.copyOf(realisasiDone));
    }

    /** The nodes part of {@link #upsertNodes} on the DPA's locked and read nodes ({@code stored} gains the new ones). */
    private Summary upsertNodes(Writes w, DpaRef ref, Dpa dpa, List<NodeSpec> specs, Map<Kode, DpaNode> stored,
            Map<Long, RealisasiSeries> realisasi) {
        refuseOrphans(specs, stored);
        refusePaguBelowRealisasi(specs, stored, realisasi);
        int created = 0;
        int updated = 0;
        Set<Kode> announce = new TreeSet<>();
        Set<Kode> headings = new HashSet<>();
        for (NodeSpec s : sorted(specs, NodeSpec::kode)) {
            Kode k = s.kode();
            DpaNode n = stored.get(k);
            NodeValues before = live(n) ? NodeValues.of(n) : null;
            if (n == null) {
                n = DpaNode.create(dpa, k);
            }
            DpaNode.Applied applied = n.apply(s);
            if (applied.outcome() == Outcome.UNCHANGED) {
                continue;
            }
            if (n.id == null) {
                w.created.add(n);
                stored.put(k, n);
            } else {
                w.changed.add(n);
            }
            created += applied.outcome() == Outcome.CREATED ? 1 : 0;
            updated += applied.outcome() == Outcome.UPDATED ? 1 : 0;
            if (applied.heading()) {
                headings.add(k);
            }
            audit(w, ref, before == null ? "node.buat" : "node.ubah", k, "node", before, NodeValues.of(n));
            if (k.level() == Level.SUB_KEGIATAN) {
                announce.add(k);
            }
        }
        for (DpaNode n : stored.values()) {
            if (live(n) && n.isSubKegiatan() && headings.stream().anyMatch(a -> n.code().isWithin(a))) {
                announce.add(n.code());
            }
        }
        for (Kode k : announce) {
            DpaNode n = stored.get(k);
            announce(w, n, stored, n.id == null ? null : realisasi.get(n.id));
        }
        return new Summary(created, updated, specs.size() - created - updated, announce.size());
    }

    /** Removes a node that has no children and no realization; a sub kegiatan is announced as removed. */
    @Transactional
    public void removeNode(DpaRef ref, Kode kode) {
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd());
        Dpa dpa = repo.lock(ref).orElseThrow(() -> dpaNotFound(ref));
        Map<Kode, DpaNode> stored = repo.lockAll(dpa);
        DpaNode n = stored.get(kode);
        if (!live(n)) {
            throw nodeNotFound(kode);
        }
        List<String> children = stored.values().stream()
                .filter(c -> live(c) && c.code().parent().map(kode::equals).orElse(false))
                .map(c -> c.kode).sorted().toList();
        if (!children.isEmpty()) {
            throw ProblemException.conflict("node-punya-anak", "Node masih punya anak", "kode",
                    kode + " masih punya " + children.size() + " anak (" + String.join(", ", children)
                            + "); hapus anaknya lebih dulu");
        }
        Writes w = new Writes(ref);
        if (n.isSubKegiatan()) {
            RealisasiSeries s = repo.realisasi(n);
            BigDecimal highest = s.highest();
            if (highest != null && highest.signum() > 0) {
                throw ProblemException.conflict("node-punya-realisasi", "Node sudah punya realisasi", "kode",
                        kode + " sudah punya realisasi " + highest.toPlainString() + "; node dengan realisasi tidak "
                                + "dapat dihapus");
            }
            repo.delete(s.clear()); // months recorded as 0.00 go with it
            n.remove();
            announce(w, n, stored, s);
        } else {
            n.remove();
            w.changed.add(n);
        }
        audit(w, ref, "node.hapus", kode, "node", NodeValues.of(n), null);
        record(w);
    }

    /**
     * The cumulative realization of one sub kegiatan to the end of {@code bulan}. Idempotent. The owners' most
     * frequent write, so its rows are read and written without the ORM ({@link DpaRepository#lockMonth}); the rules
     * are the same objects' as in every other write.
     */
    @Transactional
    public Tree.Branch setRealisasi(DpaRef ref, int bulan, RealisasiSpec spec) {
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd(), bulan);
        Kode kode = spec.kode();
        DpaRepository.Month m = repo.lockMonth(ref, kode).orElse(null);
        DpaNode n = checkSub(ref, kode, m == null ? null : m.sub(), "realisasi");
        if (!n.allows(spec.jumlah())) {
            throw overPagu(List.of(overPaguError("jumlah", spec.jumlah(), n)));
        }
        RealisasiSeries s = m.series();
        Writes w = new Writes(ref);
        if (write(w, ref, m.parents(), n, bulan, spec.jumlah(), s)) {
            List<Outbox.Pending> announced = announceAll(w); // the version first: writeMonth stores it
            repo.writeMonth(n, s.row(bulan));
            recordTrail(w, announced);
        }
        return Tree.leaf(n, s.amounts(), null);
    }

    /** The cumulative realizations of many sub kegiatan to the end of {@code bulan}, in one transaction. */
    @Transactional
    public Summary setRealisasi(DpaRef ref, int bulan, List<RealisasiSpec> specs) {
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd(), bulan);
        Dpa dpa = dpa(ref);
        Map<Kode, DpaNode> locked = repo.lock(dpa, specs.stream().map(RealisasiSpec::kode).toList());
        Map<Long, RealisasiSeries> realisasi = repo.realisasi(locked.values());
        Map<Kode, DpaNode> parents = parents(dpa, locked.values());
        Writes w = new Writes(ref);
        Summary summary = setRealisasi(w, ref, bulan, specs, locked, parents, n -> realisasi.get(n.id));
        record(w);
        return summary;
    }

    /** One month's realizations of locked and read sub kegiatan: each unknown or over its pagu refused, all listed. */
    private Summary setRealisasi(Writes w, DpaRef ref, int bulan, List<RealisasiSpec> specs, Map<Kode, DpaNode> locked,
            Map<Kode, DpaNode> parents, Function<DpaNode, RealisasiSeries> realisasi) {
        refuseUnknown(specs, RealisasiSpec::kode, locked);
        List<FieldError> over = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            RealisasiSpec s = specs.get(i);
            DpaNode n = locked.get(s.kode());
            if (!n.allows(s.jumlah())) {
                over.add(overPaguError("[" + i + "].jumlah", s.jumlah(), n));
            }
        }
        if (!over.isEmpty()) {
            throw overPagu(over);
        }
        int updated = 0;
        for (RealisasiSpec s : sorted(specs, RealisasiSpec::kode)) {
            DpaNode n = locked.get(s.kode());
            if (write(w, ref, parents, n, bulan, s.jumlah(), realisasi.apply(n))) {
                updated++;
            }
        }
        return new Summary(0, updated, specs.size() - updated, updated);
    }

    /**
     * Sets the cash plan of one sub kegiatan: 12 amounts, planned spending in each month. A plan whose sum
     * differs from the pagu is accepted (the RFK reports it). Idempotent.
     */
    @Transactional
    public RakPlan setRak(DpaRef ref, RakSpec spec) {
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd());
        DpaNode n = lockSub(ref, spec.kode(), "RAK");
        Writes w = new Writes(ref);
        Map<Kode, DpaNode> parents = parents(n);
        writeRak(w, ref, parents, n, spec.bulan(), repo.realisasi(n));
        record(w);
        return RakPlan.of(n);
    }

    /** The cash plans of many sub kegiatan in one transaction: every unknown code listed with its index, or all written. */
    @Transactional
    public Summary setRak(DpaRef ref, List<RakSpec> specs) {
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd());
        Dpa dpa = dpa(ref);
        Map<Kode, DpaNode> locked = repo.lock(dpa, specs.stream().map(RakSpec::kode).toList());
        Map<Long, RealisasiSeries> realisasi = repo.realisasi(locked.values());
        Map<Kode, DpaNode> parents = parents(dpa, locked.values());
        Writes w = new Writes(ref);
        Summary summary = setRak(w, ref, specs, locked, parents, n -> realisasi.get(n.id));
        record(w);
        return summary;
    }

    /** The cash plans of locked and read sub kegiatan: every unknown code listed with its index, or all written. */
    private Summary setRak(Writes w, DpaRef ref, List<RakSpec> specs, Map<Kode, DpaNode> locked,
            Map<Kode, DpaNode> parents, Function<DpaNode, RealisasiSeries> realisasi) {
        refuseUnknown(specs, RakSpec::kode, locked);
        int created = 0;
        int updated = 0;
        for (RakSpec s : sorted(specs, RakSpec::kode)) {
            DpaNode n = locked.get(s.kode());
            Outcome o = writeRak(w, ref, parents, n, s.bulan(), realisasi.apply(n));
            created += o == Outcome.CREATED ? 1 : 0;
            updated += o == Outcome.UPDATED ? 1 : 0;
        }
        return new Summary(created, updated, specs.size() - created - updated, created + updated);
    }

    // ------------------------------------------------------------------------------------- internals

    /**
     * 422 listing every node whose parent (kegiatan of a sub kegiatan, program of a kegiatan) is neither
     * stored nor sent.
     */
    private static void refuseOrphans(List<NodeSpec> specs, Map<Kode, DpaNode> stored) {
        Set<Kode> sent = new HashSet<>();
        specs.forEach(s -> sent.add(s.kode()));
        Violations v = new Violations();
        for (int i = 0; i < specs.size(); i++) {
            Kode k = specs.get(i).kode();
            if (k.level() == Level.KEGIATAN || k.level() == Level.SUB_KEGIATAN) {
                Kode parent = k.parent().orElseThrow();
                if (!sent.contains(parent) && !live(stored.get(parent))) {
                    v.add("[" + i + "].kode", "induk " + parent + " belum ada di DPA ini; kirim bersama atau lebih dulu");
                }
            }
        }
        v.throwIfAny();
    }

    /** 409 listing every pagu sent below the highest realization recorded for its sub kegiatan. */
    private static void refusePaguBelowRealisasi(List<NodeSpec> specs, Map<Kode, DpaNode> stored,
            Map<Long, RealisasiSeries> realisasi) {
        List<FieldError> conflicts = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            NodeSpec s = specs.get(i);
            DpaNode n = stored.get(s.kode());
            BigDecimal highest = s.pagu() != null && live(n) ? realisasi.get(n.id).highest() : null;
            if (highest != null && s.pagu().compareTo(highest) < 0) {
                conflicts.add(new FieldError("[" + i + "].pagu", "pagu " + s.pagu().toPlainString()
                        + " di bawah realisasi tertinggi yang tercatat " + highest.toPlainString()));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ProblemException(409, "pagu-di-bawah-realisasi", "Pagu di bawah realisasi",
                    conflicts.size() == 1 ? conflicts.get(0).message() : conflicts.size() + " pagu di bawah realisasi",
                    conflicts);
        }
    }

    /** 422 listing every item whose sub kegiatan is not live in the DPA ({@code kode} of item i). */
    private static <S> void refuseUnknown(List<S> specs, Function<S, Kode> kode, Map<Kode, DpaNode> locked) {
        Violations v = new Violations();
        for (int i = 0; i < specs.size(); i++) {
            Kode k = kode.apply(specs.get(i));
            if (!live(locked.get(k))) {
                v.add("[" + i + "].kode", "sub kegiatan " + k + " tidak ditemukan di DPA ini");
            }
        }
        v.throwIfAny();
    }

    /** Writes one month of a locked sub kegiatan, audited and announced; false when it was already so. */
    private boolean write(Writes w, DpaRef ref, Map<Kode, DpaNode> parents, DpaNode n, int bulan, BigDecimal amount,
            RealisasiSeries s) {
        BigDecimal before = s.amount(bulan);
        Outcome o = s.set(bulan, amount);
        if (!o.changed()) {
            return false;
        }
        w.realisasi.put(s.row(bulan), n);
        announce(w, n, parents, s);
        audit(w, ref, "realisasi.ubah", n.code(), "realisasi/" + bulan, before == null ? null : new Jumlah(before),
                new Jumlah(amount));
        return true;
    }

    /** Sets a locked sub kegiatan's plan, audited and announced. */
    private Outcome writeRak(Writes w, DpaRef ref, Map<Kode, DpaNode> parents, DpaNode n, List<BigDecimal> plan,
            RealisasiSeries realisasi) {
        List<BigDecimal> before = n.rakPlan();
        Outcome o = n.setRak(plan);
        if (o.changed()) {
            announce(w, n, parents, realisasi);
            audit(w, ref, "rak.ubah", n.code(), "rak", before == null ? null : new RakValues(before), new RakValues(plan));
        }
        return o;
    }

    /**
     * The live sub kegiatan {@code kode} of the DPA, locked: 404 naming the DPA or the node when either is missing,
     * 422 when it is not a sub kegiatan ({@code what} it was written for).
     */
    private DpaNode lockSub(DpaRef ref, Kode kode, String what) {
        return checkSub(ref, kode, repo.lock(ref, kode).orElse(null), what);
    }

    /** {@code n}, the node {@code kode} of the DPA as read (null: none), when it is a live sub kegiatan: as above. */
    private DpaNode checkSub(DpaRef ref, Kode kode, DpaNode n, String what) {
        if (n == null) {
            dpa(ref); // which one is missing
        }
        if (!live(n)) {
            throw nodeNotFound(kode);
        }
        if (!n.isSubKegiatan()) {
            throw notALeaf(kode, what);
        }
        return n;
    }

    /** The kegiatan and program above one locked sub kegiatan, as {@link #parents(Dpa, Collection)} reads them. */
    private Map<Kode, DpaNode> parents(DpaNode sub) {
        Kode k = sub.code();
        return repo.nodes(sub.dpa, k.at(Level.KEGIATAN), k.at(Level.PROGRAM));
    }

    /**
     * The kegiatan and program above the given sub kegiatan, read (not locked) with one query: an event names
     * them. Read before anything is written, so that the query flushes nothing.
     */
    private Map<Kode, DpaNode> parents(Dpa dpa, Collection<DpaNode> subs) {
        Set<String> kodes = new TreeSet<>();
        for (DpaNode n : subs) {
            if (n != null && n.isSubKegiatan()) {
                kodes.add(n.code().at(Level.KEGIATAN).value());
                kodes.add(n.code().at(Level.PROGRAM).value());
            }
        }
        return repo.nodes(dpa, kodes);
    }

    /**
     * Marks a locked sub kegiatan to announce: it takes its version and its one event at {@link #record};
     * {@code nodes} holds its kegiatan and program, {@code s} its realizations (null: none yet).
     */
    private static void announce(Writes w, DpaNode n, Map<Kode, DpaNode> nodes, RealisasiSeries s) {
        w.announced.put(n, new Announced(nodes, s));
    }

    /** Each announced sub kegiatan takes its next version and its one event, with its final state. */
    private List<Outbox.Pending> announceAll(Writes w) {
        List<Outbox.Pending> announced = new ArrayList<>();
        w.announced.forEach((n, a) -> {
            Kode k = n.code();
            announced.add(events.event(w.ref, n, a.nodes().get(k.at(Level.KEGIATAN)), a.nodes().get(k.at(Level.PROGRAM)),
                    a.series() == null ? new TreeMap<>() : a.series().amounts()));
            if (n.id != null) {
                w.changed.add(n);
            }
        });
        return announced;
    }

    private static void audit(Writes w, DpaRef ref, String aksi, Kode kode, String entitas, Object before, Object after) {
        w.changes.add(new Change(aksi, ref.pemda(), ref.tahun(), ref.opd(), kode.value(), entitas, before, after));
    }

    /**
     * Ends a write: each announced sub kegiatan takes its version and its event, then the new nodes are inserted (a
     * month of a new node takes its id), the months written and the changed stored nodes written (one statement each,
     * or Hibernate's flush for a few rows: {@link DpaRepository}), then the transaction's audit entries and events: one
     * batched INSERT each. An import's dry run ends before the rows: every rule has run.
     */
    private void record(Writes w) {
        List<Outbox.Pending> announced = announceAll(w);
        if (dry.active()) {
            return;
        }
        repo.insert(w.created);
        w.realisasi.forEach((r, n) -> r.nodeId = n.id);
        repo.write(List.copyOf(w.realisasi.keySet()));
        repo.update(w.changed);
        recordTrail(w, announced);
    }

    /** The transaction's audit entries and events, after its rows: one batched INSERT each. */
    private void recordTrail(Writes w, List<Outbox.Pending> announced) {
        audit.recordAll(w.changes);
        outbox.appendAll(announced);
    }

    private Dpa dpa(DpaRef ref) {
        return repo.find(ref).orElseThrow(() -> dpaNotFound(ref));
    }

    /** The specs in code order: rows are written (and events appended) in that order. */
    private static <S> List<S> sorted(List<S> specs, Function<S, Kode> kode) {
        return specs.stream().sorted(Comparator.comparing(kode)).toList();
    }

    private static boolean live(DpaNode n) {
        return n != null && !n.removed;
    }

    private static ProblemException dpaNotFound(DpaRef ref) {
        return ProblemException.notFound("DPA " + ref, null);
    }

    private static ProblemException nodeNotFound(Kode kode) {
        return ProblemException.notFound("Node " + kode, "kode");
    }

    private static ProblemException notALeaf(Kode kode, String what) {
        return ProblemException.invalid("kode", what + " hanya untuk sub kegiatan; " + kode + " adalah "
                + kode.level().name().toLowerCase());
    }

    private static FieldError overPaguError(String field, BigDecimal amount, DpaNode n) {
        return new FieldError(field, "realisasi " + amount.toPlainString() + " melebihi pagu " + n.kode + " "
                + n.pagu.toPlainString());
    }

    private static ProblemException overPagu(List<FieldError> errors) {
        return new ProblemException(422, "realisasi-melebihi-pagu", "Realisasi melebihi pagu",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " realisasi melebihi pagu", errors);
    }
}
