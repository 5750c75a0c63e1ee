package id.capaian.report.laporan;

import id.capaian.core.domain.Capaian;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.Predikat;
import id.capaian.core.domain.RumusNegatif;
import id.capaian.core.lock.YearLock;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The LKPJ chapter III table of one (OPD, urusan, year) as of the end of a month: rows in code order
 * (program, kegiatan, sub kegiatan), each with its indicators, its anggaran and its annotations, and
 * the TOTAL; and whether its numbers are final (the year, or this OPD of it, is locked) or still a draft.
 * Every number is derived here once; the JSON, CSV, XLSX and HTML forms only present it.
 */
public record CapaianTable(String pemda, int tahun, String opd, Node urusan, int bulan,
        @Schema(description = "FINAL while the year, or this OPD of it, is locked in report-service; else DRAFT")
        Status status,
        @Schema(description = "The lock that makes the table final (by whom, since when, why); null for a draft",
                nullable = true)
        YearLock kunci,
        List<Row> rows, Total total) {

    /** FINAL while the year or this OPD of it is locked (then {@code kunci} says by whom), else DRAFT. */
    @Schema(name = "StatusLaporan", description = "Whether the numbers of a report are final")
    public enum Status {
        FINAL, DRAFT
    }

    /** The lock that makes the table of {@code opd} final: the whole year's first, else the OPD's own; or null. */
    public static YearLock lockOf(List<YearLock> locks, String opd) {
        return locks.stream().filter(l -> l.opd() == null).findFirst()
                .or(() -> locks.stream().filter(l -> opd.equals(l.opd())).findFirst()).orElse(null);
    }

    /** An urusan: its code and its name in the official nomenclature (null for a code the nomenclature lacks). */
    public record Node(String kode,
            @Schema(nullable = true, description = "The urusan's name in the nomenclature; null when it has none") String uraian) {
    }

    public record Row(String kode, Level level,
            @Schema(nullable = true, description = "Its name; null until an owner has told it") String uraian,
            List<Indikator> indikator, Anggaran anggaran,
            @Schema(nullable = true, description = "Program rows only; null when not written") String kebijakan,
            @Schema(nullable = true, description = "Null when not written") String permasalahan,
            @Schema(nullable = true, description = "Null when not written") String upaya,
            @Schema(nullable = true, description = "Null when not written") String tindakLanjut) {
    }

    public record Indikator(int nomor, String nama, String satuan, Polaritas polaritas,
            @Schema(nullable = true, description = "Negative polarity only; null otherwise") RumusNegatif rumus,
            BigDecimal target,
            @Schema(nullable = true, description = "Null when nothing is reported yet") BigDecimal realisasi,
            @Schema(nullable = true, description = "Null when undefined (no realisasi, or a target of 0)") BigDecimal capaian,
            @Schema(nullable = true, description = "Null when capaian is null") String predikat) {

        public static Indikator of(int nomor, String nama, String satuan, Polaritas polaritas, RumusNegatif rumus,
                BigDecimal target, BigDecimal realisasi) {
            var c = Capaian.fisik(polaritas, rumus, target, realisasi);
            return new Indikator(nomor, nama, satuan, polaritas, rumus, target, realisasi,
                    c.map(Capaian::persen).orElse(null), c.map(x -> x.predikat().label()).orElse(null));
        }
    }

    /**
     * Pagu murni (the original APBD ceiling), pagu (the ceiling in force, after an amendment), realisasi,
     * capaian keuangan against the ceiling in force (null when it is 0) and sisa.
     */
    public record Anggaran(
            @Schema(description = "Pagu of the APBD murni (before the amendment)", example = "1600000000.00") BigDecimal paguMurni,
            @Schema(description = "Pagu in force (after the APBD-P, if any)", example = "1538412800.00") BigDecimal pagu,
            BigDecimal realisasi,
            @Schema(nullable = true, description = "realisasi / pagu x 100; null when the pagu is 0") BigDecimal capaian,
            BigDecimal sisa) {

        public static Anggaran of(BigDecimal pagu, BigDecimal realisasi) {
            return of(pagu, pagu, realisasi);
        }

        public static Anggaran of(BigDecimal paguMurni, BigDecimal pagu, BigDecimal realisasi) {
            return new Anggaran(paguMurni, pagu, realisasi,
                    Capaian.keuangan(pagu, realisasi).map(Capaian::persen).orElse(null), pagu.subtract(realisasi));
        }

        public static final Anggaran NONE = of(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

        public String predikat() {
            return capaian == null ? null : Predikat.of(capaian).label();
        }
    }

    public record Total(Anggaran anggaran,
            @Schema(nullable = true, description = "Null when capaian is null") String predikat) {
    }
}
