package id.capaian.core.domain;

/**
 * The tenant key of every path, row and event: one OPD's DPA of one year in one region, pemda {@code 63.10}, tahun
 * {@code 2024}, OPD {@code P3AP2KB}. (budget-service's entity {@code Dpa} is the DPA document itself.)
 */
public record DpaRef(String pemda, int tahun, String opd) {

    /** Checks the triple into {@code v}; the caller throws once every fault of the request is known. */
    public static DpaRef of(Violations v, String pemda, int tahun, String opd) {
        Rules.dpa(v, pemda, tahun, opd);
        return new DpaRef(pemda, tahun, opd);
    }

    /** The event subject of one node of this DPA: {@code 63.10/2024/P3AP2KB/2.08.02.2.01.0003}. */
    public String subject(String kode) {
        return this + "/" + kode;
    }

    /** The event subject of one indicator: {@code 63.10/2024/P3AP2KB/2.08.02/1}. */
    public String subject(String kode, int nomor) {
        return this + "/" + kode + "/" + nomor;
    }

    /** {@code 63.10/2024/P3AP2KB}: the subjects' prefix. */
    @Override
    public String toString() {
        return pemda + "/" + tahun + "/" + opd;
    }
}
