package id.capaian.report.temuan;

import id.capaian.report.readmodel.BudgetLeaf;
import id.capaian.report.readmodel.ProgresState;

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
import java.util.stream.Collectors;
import id.capaian.core.domain.Angka;
import id.capaian.report.rfk.RfkConfig;
import id.capaian.report.rfk.RfkRepository;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Inconsistencies of a pemda-year, reported, not hidden: stated totals (from imports) that differ from
 * the live sums, realization over the ceiling, nodes without indicators, indicators without target or
 * realization, capaian fisik far from capaian keuangan; and for the monthly report (RFK): a cash plan that
 * does not sum to the ceiling, physical progress that goes down, spending ahead of the plan by more than
 * the configured share, and a ceiling changed after the year (or the OPD) was first locked; and implausible
 * indicators: a percentage realized above 100, a capaian fisik above the configured bound.
 */
@ApplicationScoped
public class TemuanService {

    /** Percentage points between capaian fisik and keuangan beyond which a row is flagged. */
    public static final BigDecimal FAR_APART = BigDecimal.valueOf(50);

    @Inject EntityManager em;
    @Inject RfkRepository rfk;
    @Inject RfkConfig config;
    @Inject TemuanConfig auditConfig;

    public enum Jenis {
        TOTAL_BERBEDA, REALISASI_MELEBIHI_PAGU, TANPA_INDIKATOR, INDIKATOR_TANPA_TARGET, INDIKATOR_TANPA_REALISASI,
        CAPAIAN_FISIK_KEUANGAN_JAUH, RAK_TIDAK_SAMA_PAGU, PROGRES_FISIK_TURUN, REALISASI_DI_ATAS_RENCANA,
        PAGU_BERUBAH_SETELAH_KUNCI, REALISASI_PERSEN_DI_ATAS_100, CAPAIAN_TIDAK_WAJAR
    }

    public record Temuan(Jenis jenis, String opd,
            @Schema(nullable = true, description = "The node it concerns; null for a finding about the whole OPD") String kode,
            @Schema(nullable = true) String uraian, String keterangan,
            @Schema(nullable = true, description = "The value expected; null when the finding compares none") BigDecimal diharapkan,
            @Schema(nullable = true, description = "The value recorded; null when the finding compares none") BigDecimal tercatat) {
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
        implausible(pemda, tahun, found);
        rfk(pemda, tahun, found);
        paguChangedAfterLock(pemda, tahun, found);
        found.sort(Comparator.comparing(Temuan::opd).thenComparing(t -> Kode.of(t.kode()))
                .thenComparing(Temuan::jenis));
        return found;
    }

    /** Findings of the monthly report, from the sub kegiatan's plans and progress. */
    private void rfk(String pemda, int tahun, List<Temuan> found) {
        RfkRepository.Keadaan k = rfk.keadaan(pemda, tahun, null);
        BigDecimal limit = BigDecimal.ONE.add(config.ambangRealisasiDiAtasRencana());
        for (BudgetLeaf l : k.leaves()) {
            String opd = l.dpa().opd();
            String kode = l.kode().value();
            if (l.rak() != null) {
                BigDecimal year = RfkRepository.rencana(l.rak(), 12);
                if (year.compareTo(l.pagu()) != 0) {
                    found.add(new Temuan(Jenis.RAK_TIDAK_SAMA_PAGU, opd, kode, l.uraian(),
                            "jumlah RAK " + Angka.rupiah(year) + " tidak sama dengan pagu " + Angka.rupiah(l.pagu()),
                            l.pagu(), year));
                }
                List<Integer> ahead = new ArrayList<>();
                for (int m = 1; m <= 12; m++) {
                    BigDecimal realisasi = l.realisasi()[m - 1];
                    if (realisasi.signum() > 0 && realisasi.compareTo(RfkRepository.rencana(l.rak(), m).multiply(limit)) > 0) {
                        ahead.add(m);
                    }
                }
                if (!ahead.isEmpty()) {
                    int m = ahead.get(ahead.size() - 1);
                    BigDecimal plan = RfkRepository.rencana(l.rak(), m);
                    found.add(new Temuan(Jenis.REALISASI_DI_ATAS_RENCANA, opd, kode, l.uraian(),
                            "realisasi melebihi rencana (RAK) lebih dari "
                                    + Angka.desimal(config.ambangRealisasiDiAtasRencana().movePointRight(2))
                                    + "% pada bulan " + ahead.stream().map(String::valueOf).collect(Collectors.joining(", "))
                                    + "; bulan " + m + ": realisasi " + Angka.rupiah(l.realisasi()[m - 1]) + ", rencana "
                                    + Angka.rupiah(plan), plan, l.realisasi()[m - 1]));
                }
            }
            ProgresState p = k.progresOf(l);
            if (p != null) {
                for (int m = 2; m <= 12; m++) {
                    BigDecimal before = p.persen()[m - 2];
                    BigDecimal now = p.persen()[m - 1];
                    if (before != null && now != null && now.compareTo(before) < 0) {
                        found.add(new Temuan(Jenis.PROGRES_FISIK_TURUN, opd, kode, l.uraian(),
                                "progres fisik bulan " + m + " (" + Angka.desimal(now) + "%) lebih rendah dari bulan "
                                        + "sebelumnya (" + Angka.desimal(before) + "%)", before, now));
                    }
                }
            }
        }
    }

    /** Ceilings that differ from the ones recorded when the year (or the OPD) was first locked. */
    private void paguChangedAfterLock(String pemda, int tahun, List<Temuan> found) {
        for (Object o : em.createNativeQuery("""
                SELECT t.opd, t.kode, a.uraian, t.pagu, a.pagu, t.dikunci FROM pagu_terkunci t
                LEFT JOIN anggaran a ON a.pemda = t.pemda AND a.tahun = t.tahun AND a.opd = t.opd AND a.kode = t.kode
                WHERE t.pemda = :pemda AND t.tahun = :tahun AND (a.pagu IS NULL OR a.pagu <> t.pagu)""")
                .setParameter("pemda", pemda).setParameter("tahun", tahun).getResultList()) {
            Object[] r = (Object[]) o;
            BigDecimal now = (BigDecimal) r[4];
            found.add(new Temuan(Jenis.PAGU_BERUBAH_SETELAH_KUNCI, (String) r[0], (String) r[1], (String) r[2],
                    "pagu berubah setelah dikunci pada " + r[5] + ": " + Angka.rupiah((BigDecimal) r[3]) + " menjadi "
                            + (now == null ? "dihapus" : Angka.rupiah(now)), (BigDecimal) r[3], now));
        }
    }

    /**
     * Indicators whose numbers cannot be right: a percentage (satuan "%") realized above 100 by the latest
     * month, or a capaian fisik above the configured bound (a typo or a wrong target, more often than not).
     */
    private void implausible(String pemda, int tahun, List<Temuan> found) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal bound = auditConfig.batasCapaianWajar();
        for (Object o : em.createNativeQuery("""
                SELECT opd, kode, nama, satuan, polaritas, rumus, target, realisasi[12] FROM indikator
                WHERE pemda = ?1 AND tahun = ?2""")
                .setParameter(1, pemda).setParameter(2, tahun).getResultList()) {
            Object[] r = (Object[]) o;
            BigDecimal realisasi = (BigDecimal) r[7];
            if ("%".equals(((String) r[3]).strip()) && realisasi != null && realisasi.compareTo(hundred) > 0) {
                found.add(new Temuan(Jenis.REALISASI_PERSEN_DI_ATAS_100, (String) r[0], (String) r[1], (String) r[2],
                        "realisasi " + Angka.desimal(realisasi) + "% melebihi 100%", hundred, realisasi));
            }
            var fisik = Capaian.fisik(id.capaian.core.domain.Polaritas.of((String) r[4]),
                    r[5] == null ? null : id.capaian.core.domain.RumusNegatif.of((String) r[5]),
                    (BigDecimal) r[6], realisasi);
            if (fisik.isPresent() && fisik.get().persen().compareTo(bound) > 0) {
                found.add(new Temuan(Jenis.CAPAIAN_TIDAK_WAJAR, (String) r[0], (String) r[1], (String) r[2],
                        "capaian fisik " + fisik.get().formatted() + "% di atas batas wajar " + Angka.desimal(bound) + "%",
                        bound, fisik.get().persen()));
            }
        }
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
