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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A node of a DPA's plan tree, by its nomenclature code. Only a sub kegiatan has a pagu. A removed node
 * stays as a tombstone so that its version keeps growing when it is created again.
 */
@Entity
@Table(name = "dpa_node")
public class DpaNode extends PanacheEntityBase {

    /** From dpa_node_seq, 50 ids per round trip, so that a bulk write's INSERTs go in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dpa_node_seq")
    @SequenceGenerator(name = "dpa_node_seq", sequenceName = "dpa_node_seq", allocationSize = 50)
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

    /** The ceiling in the original APBD (sub kegiatan only); {@code pagu} is the one in force. */
    @Column(name = "pagu_murni", precision = 20, scale = 2)
    public BigDecimal paguMurni;

    /** The node's own Renstra target at the end of the period (entered, never summed). */
    @Column(name = "renstra_pagu", precision = 20, scale = 2)
    public BigDecimal renstraPagu;

    /** The node's Renstra realization up to last year's Renja (entered, never summed). */
    @Column(name = "renstra_realisasi_sebelumnya", precision = 20, scale = 2)
    public BigDecimal renstraRealisasiSebelumnya;

    /** The cash plan of a sub kegiatan: planned spending in each month 1..12 (not cumulative); null until set. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "rak", columnDefinition = "numeric(20,2)[]")
    public BigDecimal[] rak;

    /** The version of this sub kegiatan's last event (0 before the first); only grows. */
    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public boolean removed;

    public Kode code() {
        return Kode.of(kode);
    }

    /** The ceiling in the original APBD of a sub kegiatan: its pagu while none was recorded. */
    public BigDecimal paguMurniOrPagu() {
        return paguMurni != null ? paguMurni : pagu;
    }

    /** The entered Renstra values, or null when none. */
    public Renstra renstra() {
        return Renstra.of(renstraPagu, renstraRealisasiSebelumnya);
    }

    public boolean isSubKegiatan() {
        return level == Level.SUB_KEGIATAN;
    }
}
