package id.capaian.report.rfk;

import id.capaian.core.domain.Capaian;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.lock.YearLock;
import id.capaian.report.laporan.CapaianTable.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The monthly control report (RFK, shared/RFK.md) of one OPD as of the end of month {@code bulan}: one row per
 * program, kegiatan and sub kegiatan in code order, and the OPD total. Money of a parent is the sum of its sub
 * kegiatan; every percentage is recomputed from exact sums and rounded once (half-up, 2 decimals); physical
 * progress of a parent is weighted by pagu. Every number is derived here; the forms only present it.
 */
@Schema(name = "Rfk", description = "The Realisasi Fisik dan Keuangan (RFK) report of one OPD as of the end of a month")
public record Rfk(String pemda, int tahun, String opd, int bulan,
        @Schema(description = "FINAL when the year (or this OPD) is locked in report-service, else DRAFT") Status status,
        @Schema(nullable = true, description = "The lock that makes the report FINAL; null when DRAFT") YearLock kunci,
        List<Baris> rows, Angka total) {

    /** One sub kegiatan's inputs as of month M: ceilings, the plan and spending to date, progress (null: none yet). */
    public record Sub(Kode kode, String uraian, String kegiatanUraian, String programUraian, BigDecimal paguMurni,
            BigDecimal pagu, BigDecimal rencana, BigDecimal realisasi, BigDecimal fisik) {
    }

    /** An amount and its percentage (null when its divisor is 0). */
    @Schema(name = "RfkNilai")
    public record Nilai(
            @Schema(example = "60000000.00") BigDecimal jumlah,
            @Schema(nullable = true, example = "60.00") BigDecimal persen) {
    }

    /** The numbers of a row or of the OPD. */
    @Schema(name = "RfkAngka")
    public record Angka(
            @Schema(description = "Pagu of the APBD murni", example = "120000000.00") BigDecimal paguMurni,
            @Schema(description = "Pagu in force", example = "100000000.00") BigDecimal pagu,
            @Schema(nullable = true, description = "pagu / the OPD's pagu x 100", example = "25.00") BigDecimal bobot,
            @Schema(description = "Cumulative plan up to the month (RAK): amount and percent of the pagu") Nilai rencana,
            @Schema(description = "Cumulative financial realisasi up to the month: amount and percent of the pagu") Nilai realisasi,
            @Schema(nullable = true, description = "Physical progress (%); above a sub kegiatan weighted by pagu", example = "50.00")
            BigDecimal fisik,
            @Schema(description = "rencana - realisasi; percent of the rencana (null when the rencana is 0)") Nilai deviasi) {
    }

    @Schema(name = "RfkBaris")
    public record Baris(
            @Schema(example = "2.08.02.2.01.0003") String kode,
            @Schema(example = "SUB_KEGIATAN") Level level,
            @Schema(nullable = true, example = "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG") String uraian,
            BigDecimal paguMurni, BigDecimal pagu,
            @Schema(nullable = true) BigDecimal bobot,
            Nilai rencana, Nilai realisasi,
            @Schema(nullable = true) BigDecimal fisik,
            Nilai deviasi) {
    }

    /** Builds the report from the OPD's sub kegiatan. */
    public static Rfk of(String pemda, int tahun, String opd, int bulan, YearLock kunci, Collection<Sub> subs) {
        Sum total = new Sum();
        Map<Kode, Sum> sums = new TreeMap<>();
        Map<Kode, String> uraian = new TreeMap<>();
        for (Sub s : subs) {
            total.add(s);
            for (Kode k : List.of(s.kode().at(Level.PROGRAM), s.kode().at(Level.KEGIATAN), s.kode())) {
                sums.computeIfAbsent(k, x -> new Sum()).add(s);
            }
            uraian.put(s.kode(), s.uraian());
            uraian.putIfAbsent(s.kode().at(Level.KEGIATAN), s.kegiatanUraian());
            uraian.putIfAbsent(s.kode().at(Level.PROGRAM), s.programUraian());
        }
        List<Baris> rows = new ArrayList<>();
        for (Map.Entry<Kode, Sum> e : sums.entrySet()) {
            Kode k = e.getKey();
            Angka a = e.getValue().angka(total.pagu, k.level() == Level.SUB_KEGIATAN);
            rows.add(new Baris(k.value(), k.level(), uraian.get(k), a.paguMurni(), a.pagu(), a.bobot(), a.rencana(),
                    a.realisasi(), a.fisik(), a.deviasi()));
        }
        return new Rfk(pemda, tahun, opd, bulan, kunci == null ? Status.DRAFT : Status.FINAL, kunci, List.copyOf(rows),
                total.angka(total.pagu, false));
    }

    /** The OPD-wide numbers only (for the pemda's ranking). */
    public static Angka total(Collection<Sub> subs) {
        Sum total = new Sum();
        subs.forEach(total::add);
        return total.angka(total.pagu, false);
    }

    /** Exact sums over sub kegiatan; percentages are taken from them only when a row is made. */
    static final class Sum {
        BigDecimal paguMurni = BigDecimal.ZERO.setScale(2);
        BigDecimal pagu = BigDecimal.ZERO.setScale(2);
        BigDecimal rencana = BigDecimal.ZERO.setScale(2);
        BigDecimal realisasi = BigDecimal.ZERO.setScale(2);
        BigDecimal paguKaliFisik = BigDecimal.ZERO; // Σ pagu × fisik, progress not yet reported counting as 0
        BigDecimal fisik; // a single sub kegiatan's own progress

        void add(Sub s) {
            paguMurni = paguMurni.add(s.paguMurni());
            pagu = pagu.add(s.pagu());
            rencana = rencana.add(s.rencana());
            realisasi = realisasi.add(s.realisasi());
            if (s.fisik() != null) {
                paguKaliFisik = paguKaliFisik.add(s.pagu().multiply(s.fisik()));
            }
            fisik = s.fisik();
        }

        Angka angka(BigDecimal paguOpd, boolean leaf) {
            BigDecimal deviasi = rencana.subtract(realisasi);
            BigDecimal weighted = pagu.signum() == 0 ? null : paguKaliFisik.divide(pagu, 2, RoundingMode.HALF_UP);
            return new Angka(paguMurni, pagu, persen(pagu, paguOpd),
                    new Nilai(rencana, persen(rencana, pagu)), new Nilai(realisasi, persen(realisasi, pagu)),
                    leaf ? scale(fisik) : weighted, new Nilai(deviasi, persen(deviasi, rencana)));
        }

        private static BigDecimal persen(BigDecimal part, BigDecimal whole) {
            return Capaian.rasio(part, whole).map(Capaian::persen).orElse(null);
        }

        private static BigDecimal scale(BigDecimal v) {
            return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
        }
    }
}
