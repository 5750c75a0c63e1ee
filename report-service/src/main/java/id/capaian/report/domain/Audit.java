package id.capaian.report.domain;

import id.capaian.core.domain.Capaian;
import id.capaian.core.domain.Kode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Inconsistencies of a pemda-year, reported, not hidden: stated totals (from imports) that differ from
 * the live sums, realization over the ceiling, nodes without indicators, indicators without target or
 * realization, and capaian fisik far from capaian keuangan.
 */
@ApplicationScoped
public class Audit {

    /** Percentage points between capaian fisik and keuangan beyond which a row is flagged. */
    public static final BigDecimal FAR_APART = BigDecimal.valueOf(50);

    @Inject EntityManager em;

    public enum Jenis {
        TOTAL_BERBEDA, REALISASI_MELEBIHI_PAGU, TANPA_INDIKATOR, INDIKATOR_TANPA_TARGET, INDIKATOR_TANPA_REALISASI,
        CAPAIAN_FISIK_KEUANGAN_JAUH
    }

    public record Temuan(Jenis jenis, String opd, String kode, String uraian, String keterangan,
            BigDecimal diharapkan, BigDecimal tercatat) {
    }

    @Transactional
    public List<Temuan> of(String pemda, int tahun) {
        List<Temuan> found = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                SELECT s.opd, s.kode, a.uraian, s.pagu, a.pagu, s.realisasi, a.realisasi[12]
                FROM import_stated s LEFT JOIN anggaran a USING (pemda, tahun, opd, kode)
                WHERE s.pemda = ?1 AND s.tahun = ?2
                  AND (a.kode IS NULL OR a.pagu <> s.pagu OR a.realisasi[12] <> s.realisasi)""")
                .setParameter(1, pemda).setParameter(2, tahun).getResultList()) {
            Object[] r = (Object[]) o;
            BigDecimal livePagu = (BigDecimal) r[4];
            boolean paguDiffers = livePagu == null || livePagu.compareTo((BigDecimal) r[3]) != 0;
            found.add(new Temuan(Jenis.TOTAL_BERBEDA, (String) r[0], (String) r[1], (String) r[2],
                    paguDiffers ? "pagu yang dinyatakan berbeda dari jumlah rinciannya"
                            : "realisasi yang dinyatakan berbeda dari jumlah rinciannya",
                    paguDiffers ? (BigDecimal) r[3] : (BigDecimal) r[5],
                    paguDiffers ? livePagu : (BigDecimal) r[6]));
        }
        Set<String> withIndicator = new HashSet<>();
        for (Object o : em.createNativeQuery("""
                SELECT opd, kode, nama, target, realisasi[12] FROM indikator WHERE pemda = ?1 AND tahun = ?2""")
                .setParameter(1, pemda).setParameter(2, tahun).getResultList()) {
            Object[] r = (Object[]) o;
            withIndicator.add(r[0] + "/" + r[1]);
            if (r[3] == null) {
                found.add(new Temuan(Jenis.INDIKATOR_TANPA_TARGET, (String) r[0], (String) r[1], (String) r[2],
                        "indikator tanpa target", null, null));
            }
            if (r[4] == null) {
                found.add(new Temuan(Jenis.INDIKATOR_TANPA_REALISASI, (String) r[0], (String) r[1], (String) r[2],
                        "indikator tanpa realisasi", null, null));
            }
        }
        for (Object o : em.createNativeQuery("""
                SELECT opd, kode, uraian, pagu, realisasi[12] FROM anggaran
                WHERE pemda = ?1 AND tahun = ?2 AND level IN ('PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN')""")
                .setParameter(1, pemda).setParameter(2, tahun).getResultList()) {
            Object[] r = (Object[]) o;
            String opd = (String) r[0];
            String kode = (String) r[1];
            BigDecimal pagu = (BigDecimal) r[3];
            BigDecimal realisasi = (BigDecimal) r[4];
            if (realisasi.compareTo(pagu) > 0) {
                found.add(new Temuan(Jenis.REALISASI_MELEBIHI_PAGU, opd, kode, (String) r[2],
                        "realisasi melebihi pagu", pagu, realisasi));
            }
            if (!withIndicator.contains(opd + "/" + kode)) {
                found.add(new Temuan(Jenis.TANPA_INDIKATOR, opd, kode, (String) r[2], "tidak ada indikator kinerja",
                        null, null));
            }
        }
        farApart(pemda, tahun, found);
        found.sort(Comparator.comparing(Temuan::opd).thenComparing(t -> Kode.of(t.kode()))
                .thenComparing(Temuan::jenis));
        return found;
    }

    /** A row whose first indicator's capaian and capaian keuangan differ by more than FAR_APART points. */
    private void farApart(String pemda, int tahun, List<Temuan> found) {
        for (Object o : em.createNativeQuery("""
                SELECT i.opd, i.kode, a.uraian, i.polaritas, i.rumus, i.target, i.realisasi[12], a.pagu, a.realisasi[12]
                FROM indikator i JOIN anggaran a USING (pemda, tahun, opd, kode)
                WHERE i.pemda = ?1 AND i.tahun = ?2 AND i.nomor = 1""")
                .setParameter(1, pemda).setParameter(2, tahun).getResultList()) {
            Object[] r = (Object[]) o;
            var fisik = Capaian.fisik(id.capaian.core.domain.Polaritas.of((String) r[3]),
                    r[4] == null ? null : id.capaian.core.domain.RumusNegatif.of((String) r[4]),
                    (BigDecimal) r[5], (BigDecimal) r[6]);
            var keuangan = Capaian.keuangan((BigDecimal) r[7], (BigDecimal) r[8]);
            if (fisik.isPresent() && keuangan.isPresent()
                    && fisik.get().persen().subtract(keuangan.get().persen()).abs().compareTo(FAR_APART) > 0) {
                found.add(new Temuan(Jenis.CAPAIAN_FISIK_KEUANGAN_JAUH, (String) r[0], (String) r[1], (String) r[2],
                        "capaian fisik " + fisik.get().formatted() + "% jauh dari capaian keuangan "
                                + keuangan.get().formatted() + "%",
                        fisik.get().persen(), keuangan.get().persen()));
            }
        }
    }
}
