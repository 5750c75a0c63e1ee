package id.capaian.report.evaluasi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The quarter rules of EVALUASI-RENJA.md over the values entered per month (cumulative, to date; index m − 1
 * holds the value entered for month m, null when nothing was entered for it). v(m) is the latest value entered
 * for a month ≤ m.
 */
final class Quarters {

    private Quarters() {
    }

    /** The latest value entered for a month ≤ m (m 0..12), null when none. */
    static BigDecimal latestUpTo(BigDecimal[] entered, int m) {
        for (int i = m - 1; i >= 0; i--) {
            if (entered[i] != null) {
                return entered[i];
            }
        }
        return null;
    }

    /** The latest value entered for a month within quarter q, null when none. */
    static BigDecimal latestWithin(BigDecimal[] entered, int q) {
        for (int m = 3 * q; m > 3 * q - 3; m--) {
            if (entered[m - 1] != null) {
                return entered[m - 1];
            }
        }
        return null;
    }

    /**
     * Money, and indicators counted with {@code jumlah}: quarter q = v(3q) − v(3q − 3) for q ≤ n (a later quarter
     * is null). Money is 0 before any entry ({@code zeroBefore}); an indicator's quarter is null while nothing at
     * all was entered up to its end, and counts from 0 before its first entry.
     */
    static List<BigDecimal> jumlah(BigDecimal[] entered, int n, boolean zeroBefore) {
        List<BigDecimal> q = nulls();
        for (int k = 1; k <= n; k++) {
            BigDecimal end = latestUpTo(entered, 3 * k);
            BigDecimal start = latestUpTo(entered, 3 * k - 3);
            if (end == null && !zeroBefore) {
                continue;
            }
            q.set(k - 1, orZero(end).subtract(orZero(start)));
        }
        return Collections.unmodifiableList(q);
    }

    /** Levels ({@code akhir}): quarter q = the latest value entered within it (null when none), for q ≤ n. */
    static List<BigDecimal> akhir(BigDecimal[] entered, int n) {
        List<BigDecimal> q = nulls();
        for (int k = 1; k <= n; k++) {
            q.set(k - 1, latestWithin(entered, k));
        }
        return Collections.unmodifiableList(q);
    }

    static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static List<BigDecimal> nulls() {
        List<BigDecimal> q = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            q.add(null);
        }
        return q;
    }
}
