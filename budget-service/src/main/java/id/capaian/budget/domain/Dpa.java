package id.capaian.budget.domain;

import id.capaian.core.domain.DpaRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The DPA of one OPD in one year: the tenant of every node, pagu and realization. */
@Entity
@Table(name = "dpa")
public class Dpa extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String pemda;

    @Column(nullable = false, updatable = false)
    public int tahun;

    @Column(nullable = false, updatable = false)
    public String opd;

    public DpaRef ref() {
        return new DpaRef(pemda, tahun, opd);
    }
}
