package id.capaian.report.readmodel;


import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Level;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The anggaran rows computed from scratch from the sub kegiatan states: plain sums by ancestor,
 * deliberately independent of the incremental path, so that each checks the other.
 */
public final class Recomputation {

    private Recomputation() {
    }

    public record Key(String pemda, int tahun, String opd, String kode) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return (pemda + "/" + tahun + "/" + opd + "/" + kode).compareTo(o.pemda + "/" + o.tahun + "/" + o.opd + "/" + o.kode);
        }
    }

    public record Row(String level, String uraian, BigDecimal paguMurni, BigDecimal pagu, BigDecimal[] realisasi,
            int leaves) {

        boolean sameNumbers(Row o) {
            return level.equals(o.level) && pagu.compareTo(o.pagu) == 0 && leaves == o.leaves
                    && paguMurni.compareTo(o.paguMurni) == 0
                    && Arrays.equals(realisasi, o.realisasi, (a, b) -> a.compareTo(b));
        }

        @Override
        public String toString() {
            return level + " paguMurni=" + paguMurni.toPlainString() + " pagu=" + pagu.toPlainString() + " leaves=" + leaves + " realisasi="
                    + Arrays.stream(realisasi).map(BigDecimal::toPlainString).toList();
        }
    }

    /** Every row of the anggaran table as the live sub kegiatan states imply. */
    public static Map<Key, Row> anggaran(Collection<BudgetLeaf> leaves) {
        Map<Key, Row> rows = new TreeMap<>();
        for (BudgetLeaf leaf : leaves) {
            if (leaf.removed()) {
                continue;
            }
            DpaRef d = leaf.dpa();
            rows.put(new Key(d.pemda(), d.tahun(), d.opd(), leaf.kode().value()),
                    new Row(Level.SUB_KEGIATAN.name(), leaf.uraian(), leaf.paguMurni(), leaf.pagu(),
                            leaf.realisasi().clone(), 1));
            for (AnggaranProjection.Ancestor a : AnggaranProjection.ancestors(leaf)) {
                Key k = new Key(d.pemda(), d.tahun(), d.opd(), a.kode());
                Row held = rows.get(k);
                String level = a.level() == null ? "OPD" : a.level().name();
                if (held == null) {
                    rows.put(k, new Row(level, a.uraian(), leaf.paguMurni(), leaf.pagu(), leaf.realisasi().clone(), 1));
                } else {
                    BigDecimal[] sum = new BigDecimal[Monthly.MONTHS];
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] = held.realisasi()[i].add(leaf.realisasi()[i]);
                    }
                    rows.put(k, new Row(level, a.uraian() != null ? a.uraian() : held.uraian(),
                            held.paguMurni().add(leaf.paguMurni()), held.pagu().add(leaf.pagu()), sum,
                            held.leaves() + 1));
                }
            }
        }
        return rows;
    }
}
