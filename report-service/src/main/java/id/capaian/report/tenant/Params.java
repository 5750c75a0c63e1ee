package id.capaian.report.tenant;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.ProblemException;

/** Path and query parameters, checked once: a bad one is a 400 problem naming it. */
public final class Params {

    private Params() {
    }

    public static DpaRef dpa(String pemda, String tahun, String opd) {
        Violations v = new Violations();
        Integer t = integer(v, "tahun", tahun);
        Rules.dpa(v, pemda, t, opd);
        refuse(v);
        return new DpaRef(pemda, t, opd);
    }

    public static int tahun(String pemda, String tahun) {
        Violations v = new Violations();
        Integer t = integer(v, "tahun", tahun);
        Rules.pemdaTahun(v, pemda, t);
        refuse(v);
        return t;
    }

    public static Kode kode(String kode) {
        return Kode.parse(kode).orElseThrow(() -> ProblemException.badRequest("kode", Kode.describe(kode)));
    }

    public static Integer integer(Violations v, String field, String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            v.add(field, "harus bilangan bulat");
            return null;
        }
    }

    public static void refuse(Violations v) {
        v.throwIfAnyParameter();
    }
}
