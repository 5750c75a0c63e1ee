package id.capaian.report.temuan;

import id.capaian.report.readmodel.BudgetLeaf;
import id.capaian.report.readmodel.ProgresState;

import id.capaian.core.domain.Capaian;
import id.capaian.core.domain.Kode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import id.capaian.report.temuan.TemuanRepository.AnggaranRow;
import id.capaian.report.temuan.TemuanRepository.FisikKeuangan;
import id.capaian.report.temuan.TemuanRepository.IndikatorRow;
import id.capaian.report.temuan.TemuanRepository.PaguChanged;
import id.capaian.report.temuan.TemuanRepository.StatedTotal;
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

    @Inject TemuanRepository repository;
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
        for (StatedTotal s : repository.statedTotalsDiffering(pemda, tahun)) {
            boolean paguDiffers = s.livePagu() == null || s.livePagu().compareTo(s.statedPagu()) != 0;
            found.add(new Temuan(Jenis.TOTAL_BERBEDA, s.opd(), s.kode(), s.uraian(),
                    paguDiffers ? "pagu yang dinyatakan berbeda dari jumlah rinciannya"
                            : "realisasi yang dinyatakan berbeda dari jumlah rinciannya",
                    paguDiffers ? s.statedPagu() : s.statedRealisasi(),
                    paguDiffers ? s.livePagu() : s.liveRealisasi()));
        }
        List<IndikatorRow> indicators = repository.indicators(pemda, tahun);
        Set<String> withIndicator = new HashSet<>();
        for (IndikatorRow i : indicators) {
            withIndicator.add(i.opd() + "/" + i.kode());
            if (i.target() == null) {
                found.add(new Temuan(Jenis.INDIKATOR_TANPA_TARGET, i.opd(), i.kode(), i.nama(),
                        "indikator tanpa target", null, null));
            }
            if (i.realisasi() == null) {
                found.add(new Temuan(Jenis.INDIKATOR_TANPA_REALISASI, i.opd(), i.kode(), i.nama(),
                        "indikator tanpa realisasi", null, null));
            }
        }
        for (AnggaranRow a : repository.programsToSubKegiatan(pemda, tahun)) {
            if (a.realisasi().compareTo(a.pagu()) > 0) {
                found.add(new Temuan(Jenis.REALISASI_MELEBIHI_PAGU, a.opd(), a.kode(), a.uraian(),
                        "realisasi melebihi pagu", a.pagu(), a.realisasi()));
            }
            if (!withIndicator.contains(a.opd() + "/" + a.kode())) {
                found.add(new Temuan(Jenis.TANPA_INDIKATOR, a.opd(), a.kode(), a.uraian(), "tidak ada indikator kinerja",
                        null, null));
            }
        }
        farApart(pemda, tahun, found);
        implausible(indicators, found);
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
        for (PaguChanged p : repository.paguChangedAfterLock(pemda, tahun)) {
            found.add(new Temuan(Jenis.PAGU_BERUBAH_SETELAH_KUNCI, p.opd(), p.kode(), p.uraian(),
                    "pagu berubah setelah dikunci pada " + p.dikunci() + ": " + Angka.rupiah(p.locked()) + " menjadi "
                            + (p.now() == null ? "dihapus" : Angka.rupiah(p.now())), p.locked(), p.now()));
        }
    }

    /**
     * Indicators whose numbers cannot be right: a percentage (satuan "%") realized above 100 by the latest
     * month, or a capaian fisik above the configured bound (a typo or a wrong target, more often than not).
     */
    private void implausible(List<IndikatorRow> indicators, List<Temuan> found) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal bound = auditConfig.batasCapaianWajar();
        for (IndikatorRow i : indicators) {
            BigDecimal realisasi = i.realisasi();
            if ("%".equals(i.satuan().strip()) && realisasi != null && realisasi.compareTo(hundred) > 0) {
                found.add(new Temuan(Jenis.REALISASI_PERSEN_DI_ATAS_100, i.opd(), i.kode(), i.nama(),
                        "realisasi " + Angka.desimal(realisasi) + "% melebihi 100%", hundred, realisasi));
            }
            var fisik = Capaian.fisik(i.polaritas(), i.rumus(), i.target(), realisasi);
            if (fisik.isPresent() && fisik.get().persen().compareTo(bound) > 0) {
                found.add(new Temuan(Jenis.CAPAIAN_TIDAK_WAJAR, i.opd(), i.kode(), i.nama(),
                        "capaian fisik " + fisik.get().formatted() + "% di atas batas wajar " + Angka.desimal(bound) + "%",
                        bound, fisik.get().persen()));
            }
        }
    }

    /** A row whose first indicator's capaian and capaian keuangan differ by more than FAR_APART points. */
    private void farApart(String pemda, int tahun, List<Temuan> found) {
        for (FisikKeuangan r : repository.firstIndicatorsWithBudget(pemda, tahun)) {
            var fisik = Capaian.fisik(r.polaritas(), r.rumus(), r.target(), r.realisasi());
            var keuangan = Capaian.keuangan(r.pagu(), r.realisasiKeuangan());
            if (fisik.isPresent() && keuangan.isPresent()
                    && fisik.get().persen().subtract(keuangan.get().persen()).abs().compareTo(FAR_APART) > 0) {
                found.add(new Temuan(Jenis.CAPAIAN_FISIK_KEUANGAN_JAUH, r.opd(), r.kode(), r.uraian(),
                        "capaian fisik " + fisik.get().formatted() + "% jauh dari capaian keuangan "
                                + keuangan.get().formatted() + "%",
                        fisik.get().persen(), keuangan.get().persen()));
            }
        }
    }
}
