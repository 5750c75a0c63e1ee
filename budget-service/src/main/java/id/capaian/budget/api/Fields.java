package id.capaian.budget.api;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The fields request bodies share, read into values: every fault recorded under its field, none thrown. */
final class Fields {

    static final int URAIAN_MAX = 2000;

    private Fields() {
    }

    /** A nomenclature code; null (the fault recorded) when missing or malformed. */
    static Kode kode(Violations v, String field, String value) {
        if (!v.check(value != null, field, "wajib diisi")) {
            return null;
        }
        return Kode.parse(value).orElseGet(() -> {
            v.add(field, Kode.describe(value));
            return null;
        });
    }

    /** {@code kode} when it names a sub kegiatan; else null, the fault recorded ({@code what}: realisasi, RAK). */
    static Kode subKegiatan(Violations v, String field, Kode kode, String what) {
        if (kode != null && kode.level() != Level.SUB_KEGIATAN) {
            v.add(field, what + " hanya untuk sub kegiatan; " + kode + " adalah " + kode.level().name().toLowerCase());
            return null;
        }
        return kode;
    }

    /** A name, not blank, at most {@link #URAIAN_MAX} characters once stripped; returned stripped. */
    static String uraian(Violations v, String field, String value) {
        if (v.check(value != null && !value.isBlank(), field, "wajib diisi, tidak boleh kosong")
                && v.check(value.strip().length() <= URAIAN_MAX, field, "paling panjang " + URAIAN_MAX + " karakter")) {
            return value.strip();
        }
        return null;
    }

    /** A rupiah amount that may be absent (null). */
    static BigDecimal optionalRupiah(Violations v, String field, BigDecimal value) {
        return value == null ? null : Rules.rupiah(v, field, value);
    }

    /** The codes of a list's items, each at most once: a repeat is a fault that names the item it repeats. */
    static final class Unique {
        private final Map<Kode, Integer> seen = new HashMap<>();

        /** {@code kode} of item {@code i}; null, the fault recorded, when an earlier item has it. */
        Kode once(Violations v, String field, Kode kode, int i) {
            if (kode == null) {
                return null;
            }
            Integer earlier = seen.putIfAbsent(kode, i);
            if (earlier != null) {
                v.add(field, "kode " + kode + " ganda dalam permintaan (juga di [" + earlier + "])");
                return null;
            }
            return kode;
        }
    }
}
