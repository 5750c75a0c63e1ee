package id.capaian.indicator.domain;

import id.capaian.core.domain.DpaRef;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The natural key of one node of an OPD-year: pemda, tahun, opd, kode. */
@Embeddable
public class NodeKey implements Serializable {

    @Column(nullable = false, updatable = false)
    public String pemda;
    @Column(nullable = false, updatable = false)
    public int tahun;
    @Column(nullable = false, updatable = false)
    public String opd;
    @Column(nullable = false, updatable = false)
    public String kode;

    protected NodeKey() {
    }

    public NodeKey(DpaRef dpa, String kode) {
        this.pemda = dpa.pemda();
        this.tahun = dpa.tahun();
        this.opd = dpa.opd();
        this.kode = kode;
    }

    public DpaRef dpa() {
        return new DpaRef(pemda, tahun, opd);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeKey k && tahun == k.tahun && pemda.equals(k.pemda) && opd.equals(k.opd) && kode.equals(k.kode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pemda, tahun, opd, kode);
    }

    @Override
    public String toString() {
        return pemda + "/" + tahun + "/" + opd + "/" + kode;
    }
}
