package id.capaian.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * A national nomenclature code (Kepmendagri 050-5889/2021 and its amendments): urusan {@code 2.08},
 * program {@code 2.08.02}, kegiatan {@code 2.08.02.2.01}, sub kegiatan {@code 2.08.02.2.01.0001}
 * (or, in documents before 2023, {@code 2.08.02.2.01.01}). The level and the parent follow from the
 * code alone, so no service needs another's keys. Ordered part by part, as the report prints rows.
 */
public record Kode(String value) implements Comparable<Kode> {

    /**
     * The shape of a code, position by position ('9' a digit 0-9, '.' itself): urusan, program and kegiatan are its
     * prefixes of 4, 7 and 12 characters, a sub kegiatan all 17, or its first 15 (the two-digit number of documents
     * before 2023); the first digit is not 0. The same as the pattern
     * {@code [1-9]\.\d{2}(\.\d{2}(\.\d\.\d{2}(\.(\d{2}|\d{4}))?)?)?}, checked without a regex: every code read
     * and every ancestor derived passes here.
     */
    private static final String SHAPE = "9.99.99.9.99.9999";

    public Kode {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException(describe(value));
        }
    }

    static boolean wellFormed(String value) {
        if (value == null) {
            return false;
        }
        int n = value.length();
        if (n != 4 && n != 7 && n != 12 && n != 15 && n != 17) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (SHAPE.charAt(i) == '.' ? c != '.' : !digit) {
                return false;
            }
        }
        return value.charAt(0) != '0';
    }

    @JsonCreator
    public static Kode of(String value) {
        return new Kode(value);
    }

    /** The code if well formed, else empty: for validation that collects every fault. */
    public static Optional<Kode> parse(String value) {
        return wellFormed(value) ? Optional.of(new Kode(value)) : Optional.empty();
    }

    public static String describe(String value) {
        return "kode '" + value + "' tidak sesuai nomenklatur (contoh: program 2.08.02, kegiatan 2.08.02.2.01, "
                + "sub kegiatan 2.08.02.2.01.0001)";
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The number of parts. Codes are read by walking their characters, not split: the report sorts by them. */
    private int parts() {
        int n = 1;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '.') {
                n++;
            }
        }
        return n;
    }

    public Level level() {
        return Level.ofParts(parts());
    }

    /** The parent node's code (sub kegiatan → kegiatan → program → urusan); empty for an urusan. */
    public Optional<Kode> parent() {
        return switch (level()) {
            case URUSAN -> Optional.empty();
            case PROGRAM -> Optional.of(prefix(2));
            case KEGIATAN -> Optional.of(prefix(3));
            case SUB_KEGIATAN -> Optional.of(prefix(5));
        };
    }

    /** This code's ancestor at a level above it, or itself at its own level. */
    public Kode at(Level level) {
        if (level.parts() > level().parts()) {
            throw new IllegalArgumentException(value + " has no " + level + " below it");
        }
        return prefix(level.parts());
    }

    public Kode urusan() {
        return at(Level.URUSAN);
    }

    public boolean isWithin(Kode ancestor) {
        return value.equals(ancestor.value) || value.startsWith(ancestor.value + ".");
    }

    /** The code of its first {@code n} parts (this code when it has no more). */
    private Kode prefix(int n) {
        int dots = 0;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '.' && ++dots == n) {
                return new Kode(value.substring(0, i));
            }
        }
        return this;
    }

    /** Part by part as numbers (so {@code 2.08.10} follows {@code 2.08.09}), a parent before its children. */
    @Override
    public int compareTo(Kode o) {
        String a = value;
        String b = o.value;
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ea = end(a, i);
            int eb = end(b, j);
            int c = compareNumbers(a, i, ea, b, j, eb);
            if (c != 0) {
                return c;
            }
            i = ea + 1;
            j = eb + 1;
        }
        return Integer.compare(parts(), o.parts());
    }

    /**
     * Two runs of digits compared as numbers without parsing them (a report sorts thousands of codes): leading zeros
     * skipped, then the longer run is the larger number, else the first differing digit decides.
     */
    private static int compareNumbers(String a, int i, int ea, String b, int j, int eb) {
        while (i < ea - 1 && a.charAt(i) == '0') {
            i++;
        }
        while (j < eb - 1 && b.charAt(j) == '0') {
            j++;
        }
        if (ea - i != eb - j) {
            return Integer.compare(ea - i, eb - j);
        }
        for (; i < ea; i++, j++) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (x != y) {
                return Character.compare(x, y);
            }
        }
        return 0;
    }

    /** Where the part starting at {@code from} ends. */
    private static int end(String s, int from) {
        int dot = s.indexOf('.', from);
        return dot < 0 ? s.length() : dot;
    }

    @Override
    public String toString() {
        return value;
    }
}
