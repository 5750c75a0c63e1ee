package id.capaian.indicator.domain;

import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;

/** The tenant triple of every path: pemda ({@code 63.10}), tahun and OPD ({@code P3AP2KB}). */
public record Dpa(String pemda, int tahun, String opd) {

    /** Checks the triple into {@code v}; the caller throws once every fault of the request is known. */
    public static Dpa of(Violations v, String pemda, int tahun, String opd) {
        Rules.dpa(v, pemda, tahun, opd);
        return new Dpa(pemda, tahun, opd);
    }

    /** The event subject of one indicator: {@code 63.10/2024/P3AP2KB/2.08.02/1}. */
    public String subject(String kode, int nomor) {
        return pemda + "/" + tahun + "/" + opd + "/" + kode + "/" + nomor;
    }
}
