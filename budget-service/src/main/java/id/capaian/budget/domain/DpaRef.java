package id.capaian.budget.domain;

/** The tenant triple of every path: pemda {@code 63.10}, tahun {@code 2024}, OPD {@code P3AP2KB}. */
public record DpaRef(String pemda, int tahun, String opd) {

    /** The event subject of one node of this DPA: {@code 63.10/2024/P3AP2KB/2.08.02.2.01.0003}. */
    public String subject(String kode) {
        return pemda + "/" + tahun + "/" + opd + "/" + kode;
    }

    @Override
    public String toString() {
        return pemda + "/" + tahun + "/" + opd;
    }
}
