package id.capaian.indicator.domain;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the indicator service, each stated once. Every check records its fault in a
 * {@link Violations} naming the field, so that a request's faults are all reported together and
 * nothing is written while any remains. Number, month and year limits are core's {@link Rules}.
 */
public final class IndicatorRules {

    public static final int NAMA_MAX = 2000;
    public static final int SATUAN_MAX = 100;

    private IndicatorRules() {
    }

    public static Kode kode(Violations v, String field, String value) {
        var kode = Kode.parse(value);
        v.check(kode.isPresent(), field, value == null ? "wajib diisi" : Kode.describe(value));
        return kode.orElse(null);
    }

    public static boolean nomor(Violations v, String field, Integer nomor) {
        return v.check(nomor != null && nomor >= 1, field, nomor == null ? "wajib diisi" : "nomor mulai dari 1");
    }

    /** Free text, not blank, stripped of surrounding spaces. */
    public static String text(Violations v, String field, String value, int max) {
        if (!v.check(value != null && !value.isBlank(), field, "wajib diisi, tidak boleh kosong")) {
            return null;
        }
        String s = value.strip();
        return v.check(s.length() <= max, field, "paling panjang " + max + " karakter") ? s : null;
    }

    public static Polaritas polaritas(Violations v, String field, String value) {
        if (!v.check(value != null, field, "wajib diisi: 'positif' atau 'negatif'")) {
            return null;
        }
        try {
            return Polaritas.of(value);
        } catch (IllegalArgumentException e) {
            v.add(field, e.getMessage());
            return null;
        }
    }

    /** Optional; only a negatif indicator names one (a positif indicator's capaian is always r/t). */
    public static RumusNegatif rumus(Violations v, String field, String value, Polaritas polaritas) {
        if (value == null) {
            return null;
        }
        RumusNegatif r;
        try {
            r = RumusNegatif.of(value);
        } catch (IllegalArgumentException e) {
            v.add(field, e.getMessage());
            return null;
        }
        return v.check(polaritas != Polaritas.POSITIF, field, "rumus hanya untuk indikator berpolaritas negatif")
                ? r : null;
    }

    public static BigDecimal nilai(Violations v, String field, BigDecimal value) {
        return Rules.nilai(v, field, value);
    }

    /** Optional, default 'akhir'; a negatif indicator is always 'akhir' (its values are levels, never summed). */
    public static Agregasi agregasi(Violations v, String field, String value, Polaritas polaritas) {
        if (value == null) {
            return Agregasi.DEFAULT;
        }
        Agregasi a;
        try {
            a = Agregasi.of(value);
        } catch (IllegalArgumentException e) {
            v.add(field, e.getMessage());
            return null;
        }
        return v.check(a == Agregasi.AKHIR || polaritas != Polaritas.NEGATIF, field,
                "indikator berpolaritas negatif selalu 'akhir'") ? a : null;
    }

    /** Optional Renstra values, each under the rules of a target; null when neither is given. */
    public static Renstra renstra(Violations v, String field, BigDecimal target, BigDecimal realisasiSebelumnya) {
        BigDecimal t = target == null ? null : nilai(v, field + ".target", target);
        BigDecimal r = realisasiSebelumnya == null ? null : nilai(v, field + ".realisasiSebelumnya", realisasiSebelumnya);
        return Renstra.of(t, r);
    }

    /**
     * A node's sasaran: optional free text of a program, stripped, at most {@value Sasaran#MAX} characters;
     * blank is none. Refused on any other level.
     */
    public static String sasaran(Violations v, String field, String value, Kode kode) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        boolean ok = v.check(s.length() <= Sasaran.MAX, field, "paling panjang " + Sasaran.MAX + " karakter");
        if (kode != null && kode.level() != Level.PROGRAM) {
            v.add(field, "sasaran hanya untuk program; " + kode + " adalah " + levelName(kode));
            ok = false;
        }
        return ok ? s : null;
    }

    /** A code that must name a sub kegiatan (physical progress belongs to a sub kegiatan's work). */
    public static Kode subKegiatan(Violations v, String field, String value) {
        Kode k = kode(v, field, value);
        if (k != null && k.level() != Level.SUB_KEGIATAN) {
            v.add(field, "progres fisik hanya untuk sub kegiatan; " + k + " adalah " + levelName(k));
            return null;
        }
        return k;
    }

    public static final BigDecimal PERSEN_MAX = BigDecimal.valueOf(100);
    public static final int PERSEN_DECIMALS = 2;

    /** A physical progress: present, 0 to 100, at most 2 decimals. Returns it at scale 2. */
    public static BigDecimal persen(Violations v, String field, BigDecimal value) {
        if (!v.check(value != null, field, "wajib diisi: angka 0 sampai 100")) {
            return null;
        }
        boolean ok = v.check(value.signum() >= 0 && value.compareTo(PERSEN_MAX) <= 0, field, "harus 0 sampai 100");
        ok &= v.check(value.stripTrailingZeros().scale() <= PERSEN_DECIMALS, field,
                "paling banyak " + PERSEN_DECIMALS + " angka desimal");
        return ok ? value.setScale(PERSEN_DECIMALS, RoundingMode.UNNECESSARY) : null;
    }

    private static String levelName(Kode k) {
        return k.level().name().toLowerCase().replace('_', ' ');
    }

    /** A node may appear once per request: its list is complete, so two lists would contradict. */
    public static void uniqueKode(Violations v, List<Kode> kodes, String fieldFormat) {
        Set<Kode> seen = new HashSet<>();
        for (int i = 0; i < kodes.size(); i++) {
            Kode k = kodes.get(i);
            if (k != null && !seen.add(k)) {
                v.add(String.format(fieldFormat, i), "kode " + k + " disebut lebih dari sekali");
            }
        }
    }
}
