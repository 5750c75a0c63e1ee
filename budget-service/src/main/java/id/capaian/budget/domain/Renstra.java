package id.capaian.budget.domain;

import java.math.BigDecimal;

/**
 * A node's Renstra money (Evaluasi Renja columns 5 and 6, Rp): the target at the end of the Renstra period
 * and the realization up to last year's Renja. Entered per node at any level below the urusan, never summed.
 */
public record Renstra(BigDecimal pagu, BigDecimal realisasiSebelumnya) {

    /** The pair, or null when neither was entered. */
    public static Renstra of(BigDecimal pagu, BigDecimal realisasiSebelumnya) {
        return pagu == null && realisasiSebelumnya == null ? null : new Renstra(pagu, realisasiSebelumnya);
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
