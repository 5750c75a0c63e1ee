package id.capaian.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.regex.Pattern;

/**
 * Numbers as Indonesians write them: thousands dots and a decimal comma ({@code 1.538.412.800},
 * {@code 55.926.300,00}, {@code 27,54}). Accepted on input where an API says so, produced in
 * human-facing output. JSON uses plain JSON numbers and never passes through here.
 */
public final class Angka {

    /** Digits, optionally grouped by dots in threes, optionally a comma and decimals. */
    private static final Pattern INDONESIAN = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?");

    private Angka() {
    }

    /**
     * Parses {@code 1.538.412.800}, {@code 55.926.300,00}, {@code 27,54}, {@code 65}; an optional
     * "Rp" and spaces are ignored. A dot that is not a thousands separator ({@code 19.88}) is refused
     * as ambiguous rather than guessed, and so is a first group with a leading zero before a thousands
     * dot ({@code 0.125}, {@code 01.000}): no one writes thousands that way, but English writes 0,125 so.
     */
    public static BigDecimal parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("angka kosong");
        }
        String s = text.strip().replaceFirst("^(?i)rp\\.?\\s*", "").replace(" ", "").replace("\u00a0", "");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("angka kosong");
        }
        if (!INDONESIAN.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + text + "' bukan angka dengan format Indonesia "
                    + "(titik pemisah ribuan, koma desimal: 1.538.412.800 atau 27,54)");
        }
        String digits = s.startsWith("-") ? s.substring(1) : s;
        if (digits.startsWith("0") && digits.indexOf('.') > 0) {
            String asDecimal = digits.indexOf('.') == digits.lastIndexOf('.') && digits.indexOf(',') < 0
                    ? s.replace('.', ',') : "0,125";
            throw new IllegalArgumentException("'" + text.strip() + "' ambigu: titik dipakai sebagai pemisah ribuan "
                    + "(1.538.412.800) dan koma sebagai desimal (" + asDecimal + ")");
        }
        return new BigDecimal(s.replace(".", "").replace(',', '.'));
    }

    /** Rupiah for people: {@code 1.538.412.800}, or {@code 55.926.300,50} when there are cents. */
    public static String rupiah(BigDecimal amount) {
        if (amount == null) {
            return "-";
        }
        BigDecimal a = amount.setScale(2, RoundingMode.UNNECESSARY);
        return format(a.stripTrailingZeros().scale() <= 0 ? a.setScale(0) : a, a.stripTrailingZeros().scale() <= 0 ? 0 : 2);
    }

    /** A decimal for people, without trailing zeros: {@code 27,54}, {@code 100}, {@code 0,5}. */
    public static String desimal(BigDecimal value) {
        if (value == null) {
            return "-";
        }
        BigDecimal v = value.stripTrailingZeros();
        return format(v, Math.max(v.scale(), 0));
    }

    private static String format(BigDecimal v, int decimals) {
        DecimalFormatSymbols sym = new DecimalFormatSymbols();
        sym.setGroupingSeparator('.');
        sym.setDecimalSeparator(',');
        sym.setMinusSign('-');
        DecimalFormat f = new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0", sym);
        f.setParseBigDecimal(true);
        f.setRoundingMode(RoundingMode.UNNECESSARY);
        return f.format(v);
    }
}
