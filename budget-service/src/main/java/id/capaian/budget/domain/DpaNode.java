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
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A node of a DPA's plan tree, by its nomenclature code. Only a sub kegiatan has a pagu and a cash plan. A removed
 * node stays as a tombstone so that its version keeps growing when it is created again. The rules of changing its
 * own state are here ({@link #apply}, {@link #setRak}), each saying what changed; the caller audits and announces.
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

    /**
     * What {@link #apply} did: {@code heading} tells that the uraian or renstra of a kegiatan or program changed,
     * which the event of every sub kegiatan below it names.
     */
    public record Applied(Outcome outcome, boolean heading) {
    }

    /** A new node of {@code dpa}, not live until a spec is applied (then it is created). */
    public static DpaNode create(Dpa dpa, Kode kode) {
        DpaNode n = new DpaNode();
        n.dpa = dpa;
        n.kode = kode.value();
        n.level = kode.level();
        n.removed = true;
        return n;
    }

    /**
     * Applies a node as a bulk upsert states it. A node not live (new or a tombstone) is created with it: a new
     * cash plan, pagu murni defaulting to pagu. A live one changes only where the spec differs (amounts compared by
     * value): pagu when sent, pagu murni when sent (else a stored one stays, a missing one takes pagu), renstra when
     * sent.
     */
    public Applied apply(NodeSpec spec) {
        Renstra r = spec.renstra();
        if (removed) {
            removed = false;
            rak = null;
            uraian = spec.uraian();
            pagu = spec.pagu();
            paguMurni = pagu == null ? null : spec.paguMurni() != null ? spec.paguMurni() : pagu;
            renstraPagu = r == null ? null : r.pagu();
            renstraRealisasiSebelumnya = r == null ? null : r.realisasiSebelumnya();
            return new Applied(Outcome.CREATED, false);
        }
        boolean renamed = !uraian.equals(spec.uraian());
        boolean repriced = spec.pagu() != null && pagu.compareTo(spec.pagu()) != 0;
        BigDecimal murni = spec.pagu() == null ? null
                : spec.paguMurni() != null ? spec.paguMurni() : paguMurni != null ? paguMurni : spec.pagu();
        boolean remurni = !Renstra.same(paguMurni, murni);
        boolean restra = r != null && (!Renstra.same(renstraPagu, r.pagu())
                || !Renstra.same(renstraRealisasiSebelumnya, r.realisasiSebelumnya()));
        if (!renamed && !repriced && !remurni && !restra) {
            return new Applied(Outcome.UNCHANGED, false);
        }
        uraian = spec.uraian();
        if (repriced) {
            pagu = spec.pagu();
        }
        paguMurni = murni;
        if (restra) {
            renstraPagu = r.pagu();
            renstraRealisasiSebelumnya = r.realisasiSebelumnya();
        }
        return new Applied(Outcome.UPDATED, (renamed || restra) && (level == Level.KEGIATAN || level == Level.PROGRAM));
    }

    /** Sets the cash plan of a sub kegiatan (amounts compared by value). */
    public Outcome setRak(List<BigDecimal> plan) {
        if (rak == null) {
            rak = plan.toArray(new BigDecimal[0]);
            return Outcome.CREATED;
        }
        if (sameAmounts(rak, plan)) {
            return Outcome.UNCHANGED;
        }
        rak = plan.toArray(new BigDecimal[0]);
        return Outcome.UPDATED;
    }

    private static boolean sameAmounts(BigDecimal[] a, List<BigDecimal> b) {
        if (a.length != b.size()) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!Renstra.same(a[i], b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The cash plan, null while none was set. */
    public List<BigDecimal> rakPlan() {
        return rak == null ? null : List.of(rak);
    }

    /** Turns this node into a tombstone; its version stays, to keep growing if it is created again. */
    public void remove() {
        removed = true;
    }

    /** Whether a cumulative realization of {@code jumlah} stays within this sub kegiatan's pagu. */
    public boolean allows(BigDecimal jumlah) {
        return jumlah.compareTo(pagu) <= 0;
    }

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
