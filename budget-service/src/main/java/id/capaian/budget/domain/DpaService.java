package id.capaian.budget.domain;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.budget.events.BudgetEvents;
import id.capaian.core.audit.AuditTrail;
import id.capaian.core.audit.Change;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.lock.YearLocks;
import id.capaian.core.outbox.Outbox;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DPA, its pagu and its realizations: one named method per write path, each one transaction that
 * checks every rule before it writes, locks the rows it changes and appends one outbox message per
 * changed sub kegiatan and one audit entry per changed node or month. Each first checks that its
 * pemda-year is not locked. Locks are always taken in node id order (after the DPA row, for structural
 * changes), so concurrent writers queue instead of deadlocking and never lose an update. A write is set
 * based whatever its size: the rows it names are read and locked with one statement, their kegiatan and
 * program read with one more, and its rows, audit entries and outbox messages are written in JDBC batches.
 */
@ApplicationScoped
public class DpaService {

    public static final int URAIAN_MAX = 2000;

    /**
     * One node of a bulk upsert, as the client sent it. {@code paguMurni} null: absent (a new node takes its pagu,
     * a stored one keeps its own); {@code renstra} null: absent (the stored values stay), else the values to set
     * (each may be null).
     */
    public record NodeInput(String kode, String uraian, BigDecimal pagu, BigDecimal paguMurni, Renstra renstra) {

        public NodeInput(String kode, String uraian, BigDecimal pagu) {
            this(kode, uraian, pagu, null, null);
        }
    }

    /** One sub kegiatan's cash plan of a bulk write: {@code bulan} as the client sent it (to be 12 rupiah). */
    public record RakInput(String kode, JsonNode bulan) {
    }

    /** A sub kegiatan's cash plan: the 12 monthly amounts, their sum and the pagu in force. */
    public record RakPlan(Kode kode, List<BigDecimal> bulan, BigDecimal jumlah, BigDecimal pagu) {

        static RakPlan of(DpaNode n) {
            List<BigDecimal> b = List.of(n.rak);
            return new RakPlan(n.code(), b, b.stream().reduce(Tree.ZERO, BigDecimal::add), n.pagu);
        }
    }

    /** One sub kegiatan's realization of a bulk write. */
    public record RealisasiInput(String kode, BigDecimal jumlah) {
    }

    /** What a write did; {@code events} is the number of outbox messages it appended. */
    public record Summary(int created, int updated, int unchanged, int events) {
    }

    /** What the audit trail keeps of a node, and of a month's realization. */
    record NodeValues(String uraian, BigDecimal pagu, BigDecimal paguMurni, Renstra renstra) {

        static NodeValues of(DpaNode n) {
            return new NodeValues(n.uraian, n.pagu, n.paguMurni, n.renstra());
        }
    }

    /** What the audit trail keeps of a cash plan. */
    record RakValues(List<BigDecimal> bulan) {
    }

    record Jumlah(BigDecimal jumlah) {
    }

    /**
     * What one write transaction records besides its rows: the audit entries and the events, in order, each
     * kind written with one batched INSERT at the end ({@link #record}).
     */
    static final class Writes {
        final List<Change> changes = new ArrayList<>();
        final List<Outbox.Pending> events = new ArrayList<>();
    }

    @Inject EntityManager em;
    @Inject Outbox outbox;
    @Inject BudgetEvents events;
    @Inject YearLocks locks;
    @Inject AuditTrail audit;

    // ----------------------------------------------------------------------------------------- reads

    @Transactional
    public Tree tree(DpaRef ref, Integer bulan) {
        Dpa dpa = dpa(ref, false);
        List<DpaNode> nodes = em.createQuery("FROM DpaNode n WHERE n.dpa = :dpa AND n.removed = false", DpaNode.class)
                .setParameter("dpa", dpa).getResultList();
        List<Realisasi> rows = em.createQuery(
                "SELECT r FROM Realisasi r, DpaNode n WHERE r.nodeId = n.id AND n.dpa = :dpa", Realisasi.class)
                .setParameter("dpa", dpa).getResultList();
        Map<Long, NavigableMap<Integer, BigDecimal>> series = new HashMap<>();
        for (Realisasi r : rows) {
            series.computeIfAbsent(r.nodeId, x -> new TreeMap<>()).put(r.bulan, r.jumlah);
        }
        return Tree.of(nodes, series, bulan);
    }

    @Transactional
    public Tree.Branch node(DpaRef ref, Kode kode, Integer bulan) {
        return tree(ref, bulan).find(kode).orElseThrow(() -> nodeNotFound(kode));
    }

    @Transactional
    public List<Tree.Bulanan> series(DpaRef ref, Kode kode) {
        Tree.Branch b = node(ref, kode, null);
        if (b.level() != Level.SUB_KEGIATAN) {
            throw notALeaf("kode", kode);
        }
        return b.bulanan();
    }

    // ---------------------------------------------------------------------------------------- writes

    /**
     * Creates or updates the listed nodes (program, kegiatan, sub kegiatan; an urusan only for its uraian).
     * Idempotent: a node equal to the stored one is left alone and announces nothing.
     */
    @Transactional
    public Summary upsertNodes(DpaRef ref, List<NodeInput> items) {
        if (items == null) {
            throw ProblemException.badRequest("body", "diharapkan larik node [{\"kode\", \"uraian\", \"pagu\"}]");
        }
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd());
        // 1. The request on its own: every fault at once.
        Violations v = new Violations();
        Map<Kode, Integer> index = new LinkedHashMap<>();
        Map<Kode, NodeInput> parsed = new HashMap<>();
        Map<Kode, BigDecimal> pagus = new HashMap<>();
        Map<Kode, BigDecimal> murnis = new HashMap<>();
        Map<Kode, Renstra> renstras = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String f = "[" + i + "]";
            NodeInput item = items.get(i);
            if (item == null) {
                v.add(f, "wajib diisi");
                continue;
            }
            Kode k = kode(v, f + ".kode", item.kode());
            if (k != null && index.containsKey(k)) {
                v.add(f + ".kode", "kode " + k + " ganda dalam permintaan (juga di [" + index.get(k) + "])");
                k = null;
            }
            uraian(v, f + ".uraian", item.uraian());
            if (k != null) {
                index.put(k, i);
                parsed.put(k, item);
                if (k.level() == Level.SUB_KEGIATAN) {
                    pagus.put(k, Rules.rupiah(v, f + ".pagu", item.pagu()));
                    if (item.paguMurni() != null) {
                        murnis.put(k, Rules.rupiah(v, f + ".paguMurni", item.paguMurni()));
                    }
                } else {
                    if (item.pagu() != null) {
                        v.add(f + ".pagu", "pagu hanya untuk sub kegiatan; jumlah " + k.level().name().toLowerCase()
                                + " dihitung dari sub kegiatannya");
                    }
                    if (item.paguMurni() != null) {
                        v.add(f + ".paguMurni", "pagu murni hanya untuk sub kegiatan; jumlah "
                                + k.level().name().toLowerCase() + " dihitung dari sub kegiatannya");
                    }
                }
                if (item.renstra() != null) {
                    if (k.level() == Level.URUSAN) {
                        v.add(f + ".renstra", "renstra untuk program, kegiatan atau sub kegiatan, bukan urusan");
                    } else {
                        renstras.put(k, new Renstra(
                                optionalRupiah(v, f + ".renstra.pagu", item.renstra().pagu()),
                                optionalRupiah(v, f + ".renstra.realisasiSebelumnya", item.renstra().realisasiSebelumnya())));
                    }
                }
            }
        }
        v.throwIfAny();

        // 2. Against the stored DPA, locked.
        Dpa dpa = dpaForWrite(ref);
        Map<Kode, DpaNode> stored = lockAll(dpa);
        Map<Long, TreeMap<Integer, Realisasi>> realisasi = realisasiOf(stored.values());
        for (Map.Entry<Kode, Integer> e : index.entrySet()) {
            Kode k = e.getKey();
            if (k.level() == Level.KEGIATAN || k.level() == Level.SUB_KEGIATAN) {
                Kode parent = k.parent().orElseThrow();
                if (!index.containsKey(parent) && !live(stored.get(parent))) {
                    v.add("[" + e.getValue() + "].kode", "induk " + parent + " belum ada di DPA ini; kirim bersama "
                            + "atau lebih dulu");
                }
            }
        }
        v.throwIfAny();
        List<FieldError> conflicts = new ArrayList<>();
        for (Map.Entry<Kode, BigDecimal> e : pagus.entrySet()) {
            DpaNode n = stored.get(e.getKey());
            BigDecimal highest = live(n) ? highest(realisasi.get(n.id)) : null;
            if (highest != null && e.getValue().compareTo(highest) < 0) {
                conflicts.add(new FieldError("[" + index.get(e.getKey()) + "].pagu",
                        "pagu " + e.getValue().toPlainString() + " di bawah realisasi tertinggi yang tercatat "
                                + highest.toPlainString()));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ProblemException(409, "pagu-di-bawah-realisasi", "Pagu di bawah realisasi",
                    conflicts.size() == 1 ? conflicts.get(0).message() : conflicts.size() + " pagu di bawah realisasi",
                    conflicts);
        }

        // 3. Write, and announce every changed sub kegiatan once.
        Writes w = new Writes();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Set<Kode> announce = new TreeSet<>();
        Set<Kode> renamedAbove = new HashSet<>();
        for (Kode k : new TreeSet<>(index.keySet())) {
            NodeInput in = parsed.get(k);
            String uraian = in.uraian().strip();
            BigDecimal pagu = pagus.get(k);
            BigDecimal murni = murnis.get(k);
            Renstra renstra = renstras.get(k);
            DpaNode n = stored.get(k);
            NodeValues before = live(n) ? NodeValues.of(n) : null;
            if (n == null || n.removed) {
                if (n == null) {
                    n = new DpaNode();
                    n.dpa = dpa;
                    n.kode = k.value();
                    n.level = k.level();
                    n.version = 0;
                } else {
                    n.rak = null; // created again: a new plan, like a new node
                }
                n.removed = false;
                n.uraian = uraian;
                n.pagu = pagu;
                n.paguMurni = pagu == null ? null : murni != null ? murni : pagu;
                n.renstraPagu = renstra == null ? null : renstra.pagu();
                n.renstraRealisasiSebelumnya = renstra == null ? null : renstra.realisasiSebelumnya();
                if (n.id == null) {
                    em.persist(n);
                    stored.put(k, n);
                }
                created++;
            } else {
                boolean renamed = !n.uraian.equals(uraian);
                boolean repriced = pagu != null && n.pagu.compareTo(pagu) != 0;
                // the amendment changes only pagu: a stored pagu murni stays unless sent; a missing one takes pagu
                BigDecimal newMurni = pagu == null ? null : murni != null ? murni : n.paguMurni != null ? n.paguMurni : pagu;
                boolean remurni = !Renstra.same(n.paguMurni, newMurni);
                boolean restra = renstra != null && (!Renstra.same(n.renstraPagu, renstra.pagu())
                        || !Renstra.same(n.renstraRealisasiSebelumnya, renstra.realisasiSebelumnya()));
                if (!renamed && !repriced && !remurni && !restra) {
                    unchanged++;
                    continue;
                }
                if ((renamed || restra) && (k.level() == Level.KEGIATAN || k.level() == Level.PROGRAM)) {
                    renamedAbove.add(k);
                }
                n.uraian = uraian;
                if (repriced) {
                    n.pagu = pagu;
                }
                n.paguMurni = newMurni;
                if (restra) {
                    n.renstraPagu = renstra.pagu();
                    n.renstraRealisasiSebelumnya = renstra.realisasiSebelumnya();
                }
                updated++;
            }
            audit(w, ref, before == null ? "node.buat" : "node.ubah", k, "node", before, NodeValues.of(n));
            if (k.level() == Level.SUB_KEGIATAN) {
                announce.add(k);
            }
        }
        for (DpaNode n : stored.values()) {
            if (live(n) && n.isSubKegiatan() && renamedAbove.stream().anyMatch(a -> n.code().isWithin(a))) {
                announce.add(n.code());
            }
        }
        for (Kode k : announce) {
            DpaNode n = stored.get(k);
            announce(w, ref, n, stored, realisasi.get(n.id));
        }
        record(w);
        return new Summary(created, updated, unchanged, announce.size());
    }

    /** Removes a node that has no children and no realization; a sub kegiatan is announced as removed. */
    @Transactional
    public void removeNode(DpaRef ref, Kode kode) {
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd());
        Dpa dpa = dpa(ref, true);
        Map<Kode, DpaNode> stored = lockAll(dpa);
        Writes w = new Writes();
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
        if (n.isSubKegiatan()) {
            TreeMap<Integer, Realisasi> rows = realisasiOf(List.of(n)).getOrDefault(n.id, new TreeMap<>());
            BigDecimal highest = highest(rows);
            if (highest != null && highest.signum() > 0) {
                throw ProblemException.conflict("node-punya-realisasi", "Node sudah punya realisasi", "kode",
                        kode + " sudah punya realisasi " + highest.toPlainString() + "; node dengan realisasi tidak "
                                + "dapat dihapus");
            }
            rows.values().forEach(em::remove);
            rows.clear();
            n.removed = true;
            announce(w, ref, n, stored, rows);
        } else {
            n.removed = true;
        }
        audit(w, ref, "node.hapus", kode, "node", NodeValues.of(n), null);
        record(w);
    }

    /** The cumulative realization of one sub kegiatan to the end of {@code bulan}. Idempotent. */
    @Transactional
    public Tree.Branch setRealisasi(DpaRef ref, Kode kode, int bulan, BigDecimal jumlah) {
        Violations v = new Violations();
        BigDecimal amount = Rules.rupiah(v, "jumlah", jumlah);
        v.throwIfAny();
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd(), bulan);
        Dpa dpa = dpa(ref, false);
        Map<Kode, DpaNode> locked = lock(dpa, List.of(kode));
        DpaNode n = locked.get(kode);
        if (!live(n)) {
            throw nodeNotFound(kode);
        }
        if (!n.isSubKegiatan()) {
            throw notALeaf("kode", kode);
        }
        Map<Kode, DpaNode> parents = parents(dpa, List.of(n));
        if (amount.compareTo(n.pagu) > 0) {
            throw overPagu(List.of(overPaguError("jumlah", amount, n)));
        }
        Map<Long, TreeMap<Integer, Realisasi>> realisasi = realisasiOf(List.of(n));
        Writes w = new Writes();
        write(w, ref, parents, n, bulan, amount, realisasi);
        record(w);
        TreeMap<Integer, BigDecimal> s = amounts(realisasi.get(n.id));
        var latest = Tree.asOf(s, null);
        return new Tree.Branch(kode, Level.SUB_KEGIATAN, n.uraian, n.pagu, n.paguMurniOrPagu(),
                latest.map(Map.Entry::getValue).orElse(Tree.ZERO), latest.map(Map.Entry::getKey).orElse(null),
                n.version, s.entrySet().stream().map(e -> new Tree.Bulanan(e.getKey(), e.getValue())).toList(),
                n.renstra(), List.of());
    }

    /** The cumulative realizations of many sub kegiatan to the end of {@code bulan}, in one transaction. */
    @Transactional
    public Summary setRealisasi(DpaRef ref, int bulan, List<RealisasiInput> items) {
        if (items == null) {
            throw ProblemException.badRequest("body", "diharapkan larik [{\"kode\", \"jumlah\"}]");
        }
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd(), bulan);
        Violations v = new Violations();
        Map<Kode, Integer> index = new LinkedHashMap<>();
        Map<Kode, BigDecimal> amounts = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String f = "[" + i + "]";
            RealisasiInput item = items.get(i);
            if (item == null) {
                v.add(f, "wajib diisi");
                continue;
            }
            Kode k = kode(v, f + ".kode", item.kode());
            if (k != null && k.level() != Level.SUB_KEGIATAN) {
                v.add(f + ".kode", "realisasi hanya untuk sub kegiatan; " + k + " adalah "
                        + k.level().name().toLowerCase());
                k = null;
            } else if (k != null && index.containsKey(k)) {
                v.add(f + ".kode", "kode " + k + " ganda dalam permintaan (juga di [" + index.get(k) + "])");
                k = null;
            }
            BigDecimal amount = Rules.rupiah(v, f + ".jumlah", item.jumlah());
            if (k != null) {
                index.put(k, i);
                amounts.put(k, amount);
            }
        }
        v.throwIfAny();
        Dpa dpa = dpa(ref, false);
        Map<Kode, DpaNode> locked = lock(dpa, index.keySet());
        List<FieldError> over = new ArrayList<>();
        for (Map.Entry<Kode, Integer> e : index.entrySet()) {
            DpaNode n = locked.get(e.getKey());
            if (!live(n)) {
                v.add("[" + e.getValue() + "].kode", "sub kegiatan " + e.getKey() + " tidak ditemukan di DPA ini");
            } else if (amounts.get(e.getKey()).compareTo(n.pagu) > 0) {
                over.add(overPaguError("[" + e.getValue() + "].jumlah", amounts.get(e.getKey()), n));
            }
        }
        v.throwIfAny();
        if (!over.isEmpty()) {
            throw overPagu(over);
        }
        Map<Long, TreeMap<Integer, Realisasi>> realisasi = realisasiOf(locked.values());
        Map<Kode, DpaNode> parents = parents(dpa, locked.values());
        Writes w = new Writes();
        int updated = 0;
        for (Kode k : new TreeSet<>(index.keySet())) {
            if (write(w, ref, parents, locked.get(k), bulan, amounts.get(k), realisasi)) {
                updated++;
            }
        }
        record(w);
        return new Summary(0, updated, index.size() - updated, updated);
    }

    /** The cash plan (RAK) of one sub kegiatan; 404 while none was set. */
    @Transactional
    public RakPlan rak(DpaRef ref, Kode kode) {
        Dpa dpa = dpa(ref, false);
        DpaNode n = em.createQuery("FROM DpaNode n WHERE n.dpa = :dpa AND n.kode = :kode", DpaNode.class)
                .setParameter("dpa", dpa).setParameter("kode", kode.value()).getResultStream().findFirst().orElse(null);
        if (!live(n)) {
            throw nodeNotFound(kode);
        }
        if (!n.isSubKegiatan()) {
            throw notALeaf("kode", kode, "RAK");
        }
        if (n.rak == null) {
            throw ProblemException.notFound("RAK " + kode, "kode");
        }
        return RakPlan.of(n);
    }

    /**
     * Sets the cash plan of one sub kegiatan: 12 amounts, planned spending in each month. A plan whose sum
     * differs from the pagu is accepted (the RFK reports it). Idempotent.
     */
    @Transactional
    public RakPlan setRak(DpaRef ref, Kode kode, JsonNode bulan) {
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd());
        Violations v = new Violations();
        List<BigDecimal> plan = plan(v, "bulan", bulan);
        v.throwIfAny();
        Dpa dpa = dpa(ref, false);
        DpaNode n = lock(dpa, List.of(kode)).get(kode);
        if (!live(n)) {
            throw nodeNotFound(kode);
        }
        if (!n.isSubKegiatan()) {
            throw notALeaf("kode", kode, "RAK");
        }
        Writes w = new Writes();
        writeRak(w, ref, parents(dpa, List.of(n)), n, plan, realisasiOf(List.of(n)));
        record(w);
        return RakPlan.of(n);
    }

    /** The cash plans of many sub kegiatan in one transaction: every fault listed with its index, or all written. */
    @Transactional
    public Summary setRak(DpaRef ref, List<RakInput> items) {
        if (items == null) {
            throw ProblemException.badRequest("body", "diharapkan larik [{\"kode\", \"bulan\": [12 jumlah]}]");
        }
        locks.ensureOpen(ref.pemda(), ref.tahun(), ref.opd());
        Violations v = new Violations();
        Map<Kode, Integer> index = new LinkedHashMap<>();
        Map<Kode, List<BigDecimal>> plans = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String f = "[" + i + "]";
            RakInput item = items.get(i);
            if (item == null) {
                v.add(f, "wajib diisi");
                continue;
            }
            Kode k = kode(v, f + ".kode", item.kode());
            if (k != null && k.level() != Level.SUB_KEGIATAN) {
                v.add(f + ".kode", "RAK hanya untuk sub kegiatan; " + k + " adalah " + k.level().name().toLowerCase());
                k = null;
            } else if (k != null && index.containsKey(k)) {
                v.add(f + ".kode", "kode " + k + " ganda dalam permintaan (juga di [" + index.get(k) + "])");
                k = null;
            }
            List<BigDecimal> plan = plan(v, f + ".bulan", item.bulan());
            if (k != null) {
                index.put(k, i);
                plans.put(k, plan);
            }
        }
        v.throwIfAny();
        Dpa dpa = dpa(ref, false);
        Map<Kode, DpaNode> locked = lock(dpa, index.keySet());
        for (Map.Entry<Kode, Integer> e : index.entrySet()) {
            if (!live(locked.get(e.getKey()))) {
                v.add("[" + e.getValue() + "].kode", "sub kegiatan " + e.getKey() + " tidak ditemukan di DPA ini");
            }
        }
        v.throwIfAny();
        Map<Long, TreeMap<Integer, Realisasi>> realisasi = realisasiOf(locked.values());
        Map<Kode, DpaNode> parents = parents(dpa, locked.values());
        Writes w = new Writes();
        int created = 0;
        int updated = 0;
        for (Kode k : new TreeSet<>(index.keySet())) {
            int done = writeRak(w, ref, parents, locked.get(k), plans.get(k), realisasi);
            created += done == 1 ? 1 : 0;
            updated += done == 2 ? 1 : 0;
        }
        record(w);
        return new Summary(created, updated, index.size() - created - updated, created + updated);
    }

    // ------------------------------------------------------------------------------------- internals

    /** Writes one month of a locked sub kegiatan and announces it; false when it was already so. */
    private boolean write(Writes w, DpaRef ref, Map<Kode, DpaNode> parents, DpaNode n, int bulan, BigDecimal amount,
            Map<Long, TreeMap<Integer, Realisasi>> realisasi) {
        TreeMap<Integer, Realisasi> rows = realisasi.computeIfAbsent(n.id, x -> new TreeMap<>());
        Realisasi r = rows.get(bulan);
        if (r != null && r.jumlah.compareTo(amount) == 0) {
            return false;
        }
        audit(w, ref, "realisasi.ubah", n.code(), "realisasi/" + bulan, r == null ? null : new Jumlah(r.jumlah),
                new Jumlah(amount));
        if (r == null) {
            r = new Realisasi();
            r.nodeId = n.id;
            r.bulan = bulan;
            r.jumlah = amount;
            em.persist(r);
            rows.put(bulan, r);
        } else {
            r.jumlah = amount;
        }
        announce(w, ref, n, parents, rows);
        return true;
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
        Map<Kode, DpaNode> m = new HashMap<>();
        if (!kodes.isEmpty()) {
            em.createQuery("FROM DpaNode n WHERE n.dpa = :dpa AND n.kode IN :kodes", DpaNode.class)
                    .setParameter("dpa", dpa).setParameter("kodes", kodes)
                    .getResultList().forEach(p -> m.put(p.code(), p));
        }
        return m;
    }

    /** Sets a locked sub kegiatan's plan and announces it: 0 when it was already so, 1 when new, 2 when changed. */
    private int writeRak(Writes w, DpaRef ref, Map<Kode, DpaNode> parents, DpaNode n, List<BigDecimal> plan,
            Map<Long, TreeMap<Integer, Realisasi>> realisasi) {
        if (n.rak != null && sameAmounts(List.of(n.rak), plan)) {
            return 0;
        }
        RakValues before = n.rak == null ? null : new RakValues(List.of(n.rak));
        n.rak = plan.toArray(new BigDecimal[0]);
        audit(w, ref, "rak.ubah", n.code(), "rak", before, new RakValues(plan));
        announce(w, ref, n, parents, realisasi.get(n.id));
        return before == null ? 1 : 2;
    }

    private static boolean sameAmounts(List<BigDecimal> a, List<BigDecimal> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Renstra.same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cash plan as sent: exactly 12 rupiah amounts (each >= 0, at most 2 decimals, below 10^15), planned spending
     * in each month. Every fault is recorded under {@code field} or {@code field[i]}; null when any.
     */
    static List<BigDecimal> plan(Violations v, String field, JsonNode bulan) {
        if (bulan == null || bulan.isMissingNode() || bulan.isNull()) {
            v.add(field, "wajib diisi: larik 12 jumlah rupiah, rencana belanja tiap bulan Januari sampai Desember");
            return null;
        }
        if (!bulan.isArray()) {
            v.add(field, "harus larik 12 jumlah rupiah (Januari sampai Desember), bukan " + kind(bulan));
            return null;
        }
        if (bulan.size() != 12) {
            v.add(field, "harus tepat 12 jumlah (Januari sampai Desember); diterima " + bulan.size());
            return null;
        }
        List<BigDecimal> plan = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < 12; i++) {
            JsonNode x = bulan.get(i);
            String f = field + "[" + i + "]";
            BigDecimal amount = null;
            if (x.isNull()) {
                v.add(f, "wajib diisi (0 bila tidak ada rencana belanja bulan itu)");
            } else if (!x.isNumber()) {
                v.add(f, "harus angka rupiah, bukan " + kind(x));
            } else {
                amount = Rules.rupiah(v, f, x.decimalValue());
            }
            ok &= amount != null;
            plan.add(amount);
        }
        return ok ? List.copyOf(plan) : null;
    }

    private static String kind(JsonNode x) {
        if (x.isTextual()) {
            return "teks";
        }
        if (x.isBoolean()) {
            return "boolean";
        }
        if (x.isObject()) {
            return "objek";
        }
        return x.isArray() ? "larik" : x.getNodeType().name().toLowerCase();
    }

    private static void audit(Writes w, DpaRef ref, String aksi, Kode kode, String entitas, Object before, Object after) {
        w.changes.add(new Change(aksi, ref.pemda(), ref.tahun(), ref.opd(), kode.value(), entitas, before, after));
    }

    /** Bumps a locked sub kegiatan's version and queues its event; {@code nodes} holds its kegiatan and program. */
    private void announce(Writes w, DpaRef ref, DpaNode n, Map<Kode, DpaNode> nodes, TreeMap<Integer, Realisasi> rows) {
        Kode k = n.code();
        w.events.add(events.event(ref, n, nodes.get(k.at(Level.KEGIATAN)), nodes.get(k.at(Level.PROGRAM)), amounts(rows)));
    }

    /** Writes the transaction's audit entries and events: one batched INSERT each. */
    private void record(Writes w) {
        audit.recordAll(w.changes);
        outbox.appendAll(w.events);
    }

    private static TreeMap<Integer, BigDecimal> amounts(TreeMap<Integer, Realisasi> rows) {
        TreeMap<Integer, BigDecimal> m = new TreeMap<>();
        if (rows != null) {
            rows.forEach((b, r) -> m.put(b, r.jumlah));
        }
        return m;
    }

    private Dpa dpa(DpaRef ref, boolean lock) {
        var q = em.createQuery("FROM Dpa d WHERE d.pemda = :pemda AND d.tahun = :tahun AND d.opd = :opd", Dpa.class)
                .setParameter("pemda", ref.pemda()).setParameter("tahun", ref.tahun()).setParameter("opd", ref.opd());
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultStream().findFirst().orElseThrow(
                () -> ProblemException.notFound("DPA " + ref, null));
    }

    /** The DPA, created if new (concurrent creators wait for each other), and locked for a structural write. */
    private Dpa dpaForWrite(DpaRef ref) {
        em.createNativeQuery("INSERT INTO dpa (pemda, tahun, opd) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, ref.pemda()).setParameter(2, ref.tahun()).setParameter(3, ref.opd())
                .executeUpdate();
        return dpa(ref, true);
    }

    /** Every node of the DPA (tombstones too), locked in id order. */
    private Map<Kode, DpaNode> lockAll(Dpa dpa) {
        Map<Kode, DpaNode> m = new HashMap<>();
        em.createQuery("FROM DpaNode n WHERE n.dpa = :dpa ORDER BY n.id", DpaNode.class)
                .setParameter("dpa", dpa).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().forEach(n -> m.put(n.code(), n));
        return m;
    }

    /** The named nodes of the DPA, locked in id order. */
    private Map<Kode, DpaNode> lock(Dpa dpa, Collection<Kode> kodes) {
        Map<Kode, DpaNode> m = new HashMap<>();
        if (kodes.isEmpty()) {
            return m;
        }
        em.createQuery("FROM DpaNode n WHERE n.dpa = :dpa AND n.kode IN :kodes ORDER BY n.id", DpaNode.class)
                .setParameter("dpa", dpa).setParameter("kodes", kodes.stream().map(Kode::value).toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().forEach(n -> m.put(n.code(), n));
        return m;
    }

    private Map<Long, TreeMap<Integer, Realisasi>> realisasiOf(Collection<DpaNode> nodes) {
        Map<Long, TreeMap<Integer, Realisasi>> m = new HashMap<>();
        List<Long> ids = nodes.stream().filter(DpaNode::isSubKegiatan).map(n -> n.id).toList();
        if (ids.isEmpty()) {
            return m;
        }
        em.createQuery("FROM Realisasi r WHERE r.nodeId IN :ids", Realisasi.class).setParameter("ids", ids)
                .getResultList().forEach(r -> m.computeIfAbsent(r.nodeId, x -> new TreeMap<>()).put(r.bulan, r));
        return m;
    }

    private static BigDecimal highest(TreeMap<Integer, Realisasi> rows) {
        return rows == null ? null : rows.values().stream().map(r -> r.jumlah).max(Comparator.naturalOrder()).orElse(null);
    }

    private static boolean live(DpaNode n) {
        return n != null && !n.removed;
    }

    private static BigDecimal optionalRupiah(Violations v, String field, BigDecimal value) {
        return value == null ? null : Rules.rupiah(v, field, value);
    }

    private static Kode kode(Violations v, String field, String value) {
        if (!v.check(value != null, field, "wajib diisi")) {
            return null;
        }
        return Kode.parse(value).orElseGet(() -> {
            v.add(field, Kode.describe(value));
            return null;
        });
    }

    private static void uraian(Violations v, String field, String value) {
        if (v.check(value != null && !value.isBlank(), field, "wajib diisi, tidak boleh kosong")) {
            v.check(value.strip().length() <= URAIAN_MAX, field, "paling panjang " + URAIAN_MAX + " karakter");
        }
    }

    private static ProblemException nodeNotFound(Kode kode) {
        return ProblemException.notFound("Node " + kode, "kode");
    }

    private static ProblemException notALeaf(String field, Kode kode) {
        return notALeaf(field, kode, "realisasi");
    }

    private static ProblemException notALeaf(String field, Kode kode, String what) {
        return ProblemException.invalid(field, what + " hanya untuk sub kegiatan; " + kode + " adalah "
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
