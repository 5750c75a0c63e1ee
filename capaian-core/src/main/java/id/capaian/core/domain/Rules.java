package id.capaian.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The limits on numbers and periods that every service enforces, each stated once. */
public final class Rules {

    /** Amounts and values must stay below 10^15 (rupiah reach 10^13; numeric(20,2) holds far more). */
    public static final BigDecimal MAX_EXCLUSIVE = BigDecimal.TEN.pow(15);
    public static final int RUPIAH_DECIMALS = 2;
    public static final int NILAI_DECIMALS = 4;
    public static final int TAHUN_MIN = 2000;
    public static final int TAHUN_MAX = 2100;

    private Rules() {
    }

    /** A rupiah amount: present, not negative, at most 2 decimals, below 10^15. Returns it at scale 2. */
    public static BigDecimal rupiah(Violations v, String field, BigDecimal amount) {
        return number(v, field, amount, RUPIAH_DECIMALS);
    }

    /** An indicator value (target or realisasi): present, not negative, at most 4 decimals, below 10^15. */
    public static BigDecimal nilai(Violations v, String field, BigDecimal value) {
        return number(v, field, value, NILAI_DECIMALS);
    }

    private static BigDecimal number(Violations v, String field, BigDecimal x, int decimals) {
        if (!v.check(x != null, field, "wajib diisi")) {
            return null;
        }
        boolean ok = v.check(x.signum() >= 0, field, "tidak boleh negatif");
        ok &= v.check(x.stripTrailingZeros().scale() <= decimals, field, "paling banyak " + decimals + " angka desimal");
        ok &= v.check(x.abs().compareTo(MAX_EXCLUSIVE) < 0, field, "harus kurang dari 10^15");
        if (!ok) {
            return null;
        }
        int scale = decimals == RUPIAH_DECIMALS ? RUPIAH_DECIMALS : Math.max(x.stripTrailingZeros().scale(), 0);
        return x.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static final java.util.regex.Pattern PEMDA = java.util.regex.Pattern.compile("\\d{2}(\\.\\d{2})?");
    private static final java.util.regex.Pattern OPD = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

    /** The tenant triple of a path: pemda {@code 63.10} (or a province, {@code 63}), tahun, OPD {@code P3AP2KB}. */
    public static void dpa(Violations v, String pemda, Integer tahun, String opd) {
        pemdaTahun(v, pemda, tahun);
        opd(v, "opd", opd);
    }

    public static boolean opd(Violations v, String field, String opd) {
        return v.check(opd != null && OPD.matcher(opd).matches(), field,
                "kode OPD: huruf besar, angka, '-' atau '_', paling panjang 32 (contoh P3AP2KB)");
    }

    public static void pemdaTahun(Violations v, String pemda, Integer tahun) {
        v.check(pemda != null && PEMDA.matcher(pemda).matches(), "pemda", "kode pemda seperti 63.10");
        tahun(v, "tahun", tahun);
    }

    public static boolean bulan(Violations v, String field, Integer bulan) {
        return v.check(bulan != null && bulan >= 1 && bulan <= 12, field, "bulan harus 1 sampai 12");
    }

    public static boolean tahun(Violations v, String field, Integer tahun) {
        return v.check(tahun != null && tahun >= TAHUN_MIN && tahun <= TAHUN_MAX, field,
                "tahun harus " + TAHUN_MIN + " sampai " + TAHUN_MAX);
    }
}
