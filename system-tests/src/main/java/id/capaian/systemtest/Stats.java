package id.capaian.systemtest;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a sample (nearest rank), in the sample's unit. */
public final class Stats {

    private Stats() {
    }

    public static double percentile(Collection<? extends Number> sample, double p) {
        double[] a = sample.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return percentile(a, p);
    }

    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double[] a = sorted.clone();
        Arrays.sort(a);
        int rank = (int) Math.ceil(p / 100.0 * a.length);
        return a[Math.max(0, Math.min(a.length - 1, rank - 1))];
    }
}
