package id.capaian.budget.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The monthly cumulative realizations of one sub kegiatan as read under its row lock, and the rule of writing a
 * month: the same amount again is no change.
 */
public final class RealisasiSeries {

    private final Long nodeId;
    private final TreeMap<Integer, Realisasi> rows = new TreeMap<>();

    RealisasiSeries(Long nodeId) {
        this.nodeId = nodeId;
    }

    void add(Realisasi r) {
        rows.put(r.bulan, r);
    }

    /** The amount recorded for {@code bulan}, null when none. */
    public BigDecimal amount(int bulan) {
        Realisasi r = rows.get(bulan);
        return r == null ? null : r.jumlah;
    }

    /** The row of {@code bulan}, null when none; a row {@link #set} created is the caller's to persist. */
    public Realisasi row(int bulan) {
        return rows.get(bulan);
    }

    public Outcome set(int bulan, BigDecimal jumlah) {
        Realisasi r = rows.get(bulan);
        if (r == null) {
            r = new Realisasi();
            r.nodeId = nodeId;
            r.bulan = bulan;
            r.jumlah = jumlah;
            rows.put(bulan, r);
            return Outcome.CREATED;
        }
        if (r.jumlah.compareTo(jumlah) == 0) {
            return Outcome.UNCHANGED;
        }
        r.jumlah = jumlah;
        return Outcome.UPDATED;
    }

    /** The highest amount recorded in any month, null when none. */
    public BigDecimal highest() {
        return rows.values().stream().map(r -> r.jumlah).max(Comparator.naturalOrder()).orElse(null);
    }

    /** Empties the series; returns its rows, the caller's to delete. */
    public List<Realisasi> clear() {
        List<Realisasi> removed = new ArrayList<>(rows.values());
        rows.clear();
        return removed;
    }

    /** Month → amount, as an event carries it. */
    public TreeMap<Integer, BigDecimal> amounts() {
        TreeMap<Integer, BigDecimal> m = new TreeMap<>();
        rows.forEach((b, r) -> m.put(b, r.jumlah));
        return m;
    }
}
