package id.capaian.budget.domain;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A node of a DPA's plan tree, by its nomenclature code. Only a sub kegiatan has a pagu. A removed node
 * stays as a tombstone so that its version keeps growing when it is created again.
 */
@Entity
@Table(name = "dpa_node")
public class DpaNode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dpa_id", nullable = false, updatable = false)
    public Dpa dpa;

    @Column(nullable = false, updatable = false)
    public String kode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Level level;

    @Column(nullable = false)
    public String uraian;

    @Column(precision = 20, scale = 2)
    public BigDecimal pagu;

    /** The version of this sub kegiatan's last event (0 before the first); only grows. */
    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public boolean removed;

    public Kode code() {
        return Kode.of(kode);
    }

    public boolean isSubKegiatan() {
        return level == Level.SUB_KEGIATAN;
    }
}
