package id.capaian.indicator.domain;

import id.capaian.core.domain.Capaian;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hibernate.annotations.SortNatural;

/**
 * One performance indicator of a node (pemda, tahun, opd, kode), numbered within the node, with its
 * monthly realizations (value achieved to the end of each month). {@code version} grows with every
 * committed change and is the version of the change's event; a removed indicator stays as a
 * tombstone so that the version keeps growing if it is created again.
 */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    /** From indicator_seq, 50 ids per round trip, so that a bulk write's INSERTs go in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "indicator_seq")
    @SequenceGenerator(name = "indicator_seq", sequenceName = "indicator_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String pemda;
    @Column(nullable = false, updatable = false)
    public int tahun;
    @Column(nullable = false, updatable = false)
    public String opd;
    @Column(nullable = false, updatable = false)
    public String kode;
    @Column(nullable = false, updatable = false)
    public int nomor;

    @Column(nullable = false)
    public String nama;
    @Column(nullable = false)
    public String satuan;
    /** 'positif' or 'negatif', as {@link Polaritas#json()}. */
    @Column(nullable = false)
    public String polaritas;
    /** 'rasio', 'selisih' or null (the default, rasio), as {@link RumusNegatif#json()}. */
    public String rumus;
    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal target;
    /** 'jumlah' or 'akhir' (the default; always for a negatif indicator), as {@link Agregasi#json()}. */
    @Column(nullable = false)
    public String agregasi = Agregasi.DEFAULT.json();
    /** Renstra PD target at the end of its period (E.81 column 5 K); null when not given. */
    @Column(name = "renstra_target", precision = 20, scale = 4)
    public BigDecimal renstraTarget;
    /** Renstra realization up to last year's Renja (E.81 column 6 K); null when not given. */
    @Column(name = "renstra_realisasi_sebelumnya", precision = 20, scale = 4)
    public BigDecimal renstraRealisasiSebelumnya;

    /**
     * The node's sasaran (stored per node, table sasaran), filled in by {@link IndicatorService} whenever it
     * hands out an indicator, so that its event and its answer carry it.
     */
    @Transient
    public String sasaran;

    @Column(nullable = false)
    public long version;
    @Column(nullable = false)
    public boolean removed;

    @ElementCollection
    @CollectionTable(name = "realisasi", joinColumns = @JoinColumn(name = "indicator_id"))
    @MapKeyColumn(name = "bulan")
    @Column(name = "nilai", nullable = false, precision = 20, scale = 4)
    @SortNatural
    public SortedMap<Integer, BigDecimal> realisasi = new TreeMap<>();

    public static Indicator create(DpaRef dpa, Kode kode, int nomor) {
        Indicator i = new Indicator();
        i.pemda = dpa.pemda();
        i.tahun = dpa.tahun();
        i.opd = dpa.opd();
        i.kode = kode.value();
        i.nomor = nomor;
        i.removed = true; // not live until a spec is applied
        return i;
    }

    public DpaRef dpa() {
        return new DpaRef(pemda, tahun, opd);
    }

    public Kode kodeValue() {
        return Kode.of(kode);
    }

    public Polaritas polaritasValue() {
        return Polaritas.of(polaritas);
    }

    public Agregasi agregasiValue() {
        return Agregasi.of(agregasi);
    }

    /** The Renstra values, null when neither is given. */
    public Renstra renstra() {
        return Renstra.of(renstraTarget, renstraRealisasiSebelumnya);
    }

    public RumusNegatif rumusValue() {
        return rumus == null ? null : RumusNegatif.of(rumus);
    }

    public String subject() {
        return dpa().subject(kode, nomor);
    }

    /**
     * Makes this indicator live with the stated fields. Returns whether anything changed (numbers
     * compared by value, so 65 and 65.0000 are the same); the caller announces a change. The spec is the
     * indicator's full state: a field it leaves out (rumus, renstra) is cleared, agregasi falls back to
     * its default.
     */
    public boolean apply(IndikatorSpec spec) {
        String pol = spec.polaritas().json();
        String rum = spec.rumus() == null ? null : spec.rumus().json();
        String agr = spec.agregasi().json();
        Renstra r = spec.renstra();
        BigDecimal rt = r == null ? null : r.target();
        BigDecimal rs = r == null ? null : r.realisasiSebelumnya();
        boolean same = !removed && spec.nama().equals(nama) && spec.satuan().equals(satuan) && pol.equals(polaritas)
                && Objects.equals(rum, rumus) && target != null && spec.target().compareTo(target) == 0
                && agr.equals(agregasi) && sameNumber(rt, renstraTarget) && sameNumber(rs, renstraRealisasiSebelumnya);
        if (same) {
            return false;
        }
        nama = spec.nama();
        satuan = spec.satuan();
        polaritas = pol;
        rumus = rum;
        target = spec.target();
        agregasi = agr;
        renstraTarget = rt;
        renstraRealisasiSebelumnya = rs;
        removed = false;
        return true;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Records the value to the end of {@code bulan}; returns false when it is already so. */
    public boolean setRealisasi(int bulan, BigDecimal nilai) {
        BigDecimal old = realisasi.get(bulan);
        if (old != null && old.compareTo(nilai) == 0) {
            return false;
        }
        realisasi.put(bulan, nilai);
        return true;
    }

    /** Turns this indicator into a tombstone; its realizations go with it. */
    public void remove() {
        removed = true;
        realisasi.clear();
    }

    /** The next version; every committed change takes exactly one. */
    public long bump() {
        return ++version;
    }

    /** The latest month reported up to {@code asOf} (all months when null), with its value. */
    public Optional<Map.Entry<Integer, BigDecimal>> latest(Integer asOf) {
        SortedMap<Integer, BigDecimal> upTo = asOf == null ? realisasi : realisasi.headMap(asOf + 1);
        return upTo.isEmpty() ? Optional.empty() : Optional.of(Map.entry(upTo.lastKey(), upTo.get(upTo.lastKey())));
    }

    /** Capaian of a realization value, as core's one {@link Capaian#fisik} computes it. */
    public Optional<Capaian> capaian(BigDecimal nilai) {
        return Capaian.fisik(polaritasValue(), rumusValue(), target, nilai);
    }

    /** numeric(20,4) without its padding: 65, 27.54 (null stays null). */
    public static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
