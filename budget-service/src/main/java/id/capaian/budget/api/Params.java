package id.capaian.budget.api;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;

/** Path and query parameters, read strictly: a malformed one is a 400 problem naming it. */
final class Params {

    private Params() {
    }

    static DpaRef dpa(String pemda, String tahun, String opd) {
        Violations v = new Violations();
        Rules.dpa(v, pemda, integer(tahun), opd);
        refuse(v);
        return new DpaRef(pemda, Integer.parseInt(tahun), opd);
    }

    static DpaRef dpa(String pemda, String tahun, String opd, String kode, Kode[] parsed) {
        Violations v = new Violations();
        Rules.dpa(v, pemda, integer(tahun), opd);
        parsed[0] = kode(v, kode);
        refuse(v);
        return new DpaRef(pemda, Integer.parseInt(tahun), opd);
    }

    /** {@code bulan} 1..12; {@code optional} allows it to be absent (null). */
    static Integer bulan(String bulan, boolean optional) {
        if (optional && (bulan == null || bulan.isEmpty())) {
            return null;
        }
        Violations v = new Violations();
        Integer b = integer(bulan);
        Rules.bulan(v, "bulan", b);
        refuse(v);
        return b;
    }

    private static Kode kode(Violations v, String kode) {
        return Kode.parse(kode).orElseGet(() -> {
            v.add("kode", Kode.describe(kode));
            return null;
        });
    }

    private static Integer integer(String s) {
        if (s == null || !s.matches("\\d{1,4}")) {
            return null;
        }
        return Integer.valueOf(s);
    }

    private static void refuse(Violations v) {
        v.throwIfAnyParameter();
    }
}
