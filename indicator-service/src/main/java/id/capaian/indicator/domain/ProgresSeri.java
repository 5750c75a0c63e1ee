package id.capaian.indicator.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hibernate.annotations.SortNatural;

/**
 * The physical progress (progres fisik) of one sub kegiatan's work: the percent done to the end of each
 * month reported (cumulative, 0..100, 2 decimals). A value lower than an earlier month's is accepted as a
 * correction (the report's audit flags it). {@code version} grows with every committed change and is the
 * version of its {@code indicator.progres-updated} event.
 */
@Entity
@Table(name = "progres_seri")
public class ProgresSeri extends PanacheEntityBase {

    @EmbeddedId
    public NodeKey key;

    @Column(nullable = false)
    public long version;

    @ElementCollection
    @CollectionTable(name = "progres", joinColumns = {
            @JoinColumn(name = "pemda", referencedColumnName = "pemda"),
            @JoinColumn(name = "tahun", referencedColumnName = "tahun"),
            @JoinColumn(name = "opd", referencedColumnName = "opd"),
            @JoinColumn(name = "kode", referencedColumnName = "kode")})
    @MapKeyColumn(name = "bulan")
    @Column(name = "persen", nullable = false, precision = 5, scale = 2)
    @SortNatural
    public SortedMap<Integer, BigDecimal> persen = new TreeMap<>();

    public static ProgresSeri create(NodeKey key) {
        ProgresSeri s = new ProgresSeri();
        s.key = key;
        return s;
    }

    /** The event subject: {@code 63.10/2024/P3AP2KB/2.08.02.2.01.0001/progres}. */
    public String subject() {
        return key + "/progres";
    }

    /**
     * Records the percent to the end of {@code bulan}; returns false when it is already so (compared by
     * value). Any value is taken, also one below an earlier month's: that is a correction.
     */
    public boolean set(int bulan, BigDecimal value) {
        BigDecimal old = persen.get(bulan);
        if (old != null && old.compareTo(value) == 0) {
            return false;
        }
        persen.put(bulan, value);
        return true;
    }

    /** The next version; every committed change takes exactly one. */
    public long bump() {
        return ++version;
    }
}
