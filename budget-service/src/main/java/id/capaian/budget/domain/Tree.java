package id.capaian.budget.domain;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A DPA's tree with its sums: urusan → program → kegiatan → sub kegiatan. Only a sub kegiatan has its own
 * pagu and realization; every amount above it is the sum of its children, computed here and never stored.
 * An urusan is implied by its programs' codes and has no uraian unless one was recorded.
 */
public final class Tree {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    /** One month of a sub kegiatan's cumulative realization. */
    public record Bulanan(int bulan, BigDecimal jumlah) {
    }

    /**
     * A node and its sums ({@code pagu}, {@code paguMurni}, {@code realisasi}); {@code renstra} is the node's own
     * entered values (null when none), never summed. {@code bulan} is the latest month reported (as of the month asked for) of a sub
     * kegiatan; {@code version} and {@code bulanan} are only set on a sub kegiatan.
     */
    public record Branch(Kode kode, Level level, String uraian, BigDecimal pagu, BigDecimal paguMurni,
            BigDecimal realisasi, Integer bulan, Long version, List<Bulanan> bulanan, Renstra renstra,
            List<Branch> children) {

        public Optional<Branch> find(Kode k) {
            if (kode.equals(k)) {
                return Optional.of(this);
            }
            for (Branch c : children) {
                if (k.isWithin(c.kode)) {
                    return c.find(k);
                }
            }
            return Optional.empty();
        }
    }

    private final List<Branch> urusan;
    private final BigDecimal pagu;
    private final BigDecimal paguMurni;
    private final BigDecimal realisasi;

    private Tree(List<Branch> urusan) {
        this.urusan = urusan;
        this.pagu = urusan.stream().map(Branch::pagu).reduce(ZERO, BigDecimal::add);
        this.paguMurni = urusan.stream().map(Branch::paguMurni).reduce(ZERO, BigDecimal::add);
        this.realisasi = urusan.stream().map(Branch::realisasi).reduce(ZERO, BigDecimal::add);
    }

    public List<Branch> urusan() {
        return urusan;
    }

    public BigDecimal pagu() {
        return pagu;
    }

    public BigDecimal paguMurni() {
        return paguMurni;
    }

    public BigDecimal realisasi() {
        return realisasi;
    }

    public Optional<Branch> find(Kode kode) {
        for (Branch u : urusan) {
            if (kode.isWithin(u.kode())) {
                return u.find(kode);
            }
        }
        return Optional.empty();
    }

    /** The realization of a monthly series as of the end of {@code asOf} (the latest month not after it). */
    public static Optional<Map.Entry<Integer, BigDecimal>> asOf(NavigableMap<Integer, BigDecimal> series, Integer asOf) {
        if (series == null || series.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(asOf == null ? series.lastEntry() : series.floorEntry(asOf));
    }

    /**
     * Builds the tree of the live (not removed) nodes. {@code series} maps a sub kegiatan's node id to its
     * monthly cumulative realizations; {@code asOf} (1..12 or null for the latest) picks the month.
     */
    public static Tree of(Collection<DpaNode> nodes, Map<Long, NavigableMap<Integer, BigDecimal>> series,
            Integer asOf) {
        Map<Kode, DpaNode> byKode = new HashMap<>();
        Map<Kode, TreeSet<Kode>> children = new HashMap<>();
        TreeSet<Kode> urusanCodes = new TreeSet<>();
        for (DpaNode n : nodes) {
            if (n.removed) {
                continue;
            }
            Kode k = n.code();
            byKode.put(k, n);
            urusanCodes.add(k.urusan());
            k.parent().ifPresent(p -> children.computeIfAbsent(p, x -> new TreeSet<>()).add(k));
        }
        List<Branch> roots = new ArrayList<>();
        for (Kode u : urusanCodes) {
            roots.add(branch(u, byKode, children, series, asOf));
        }
        return new Tree(List.copyOf(roots));
    }

    /** A sub kegiatan with its monthly series; {@code asOf} as for {@link #of}. */
    public static Branch leaf(DpaNode n, NavigableMap<Integer, BigDecimal> series, Integer asOf) {
        var at = asOf(series, asOf);
        List<Bulanan> bulanan = series.entrySet().stream().map(e -> new Bulanan(e.getKey(), e.getValue())).toList();
        return new Branch(n.code(), Level.SUB_KEGIATAN, n.uraian, n.pagu, n.paguMurniOrPagu(),
                at.map(Map.Entry::getValue).orElse(ZERO), at.map(Map.Entry::getKey).orElse(null), n.version, bulanan,
                n.renstra(), List.of());
    }

    private static Branch branch(Kode k, Map<Kode, DpaNode> byKode, Map<Kode, TreeSet<Kode>> children,
            Map<Long, NavigableMap<Integer, BigDecimal>> series, Integer asOf) {
        DpaNode n = byKode.get(k);
        String uraian = n == null ? null : n.uraian;
        if (k.level() == Level.SUB_KEGIATAN) {
            return leaf(n, series.getOrDefault(n.id, new TreeMap<>()), asOf);
        }
        List<Branch> kids = new ArrayList<>();
        for (Kode c : children.getOrDefault(k, new TreeSet<>())) {
            kids.add(branch(c, byKode, children, series, asOf));
        }
        BigDecimal pagu = kids.stream().map(Branch::pagu).reduce(ZERO, BigDecimal::add);
        BigDecimal paguMurni = kids.stream().map(Branch::paguMurni).reduce(ZERO, BigDecimal::add);
        BigDecimal realisasi = kids.stream().map(Branch::realisasi).reduce(ZERO, BigDecimal::add);
        return new Branch(k, k.level(), uraian, pagu, paguMurni, realisasi, null, null, null,
                n == null ? null : n.renstra(), List.copyOf(kids));
    }
}
