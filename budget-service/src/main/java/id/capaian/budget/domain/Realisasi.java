package id.capaian.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** The cumulative realization of a sub kegiatan to the end of a month. */
@Entity
@Table(name = "realisasi")
@IdClass(Realisasi.Key.class)
public class Realisasi extends PanacheEntityBase {

    @Id
    @Column(name = "node_id", nullable = false, updatable = false)
    public Long nodeId;

    @Id
    @Column(nullable = false, updatable = false)
    public Integer bulan;

    @Column(nullable = false, precision = 20, scale = 2)
    public BigDecimal jumlah;

    public static class Key implements Serializable {
        public Long nodeId;
        public Integer bulan;

        public Key() {
        }

        public Key(Long nodeId, Integer bulan) {
            this.nodeId = nodeId;
            this.bulan = bulan;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(nodeId, k.nodeId) && Objects.equals(bulan, k.bulan);
        }

        @Override
        public int hashCode() {
            return Objects.hash(nodeId, bulan);
        }
    }
}
