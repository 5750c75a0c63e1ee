package id.capaian.report.evaluasi;

import id.capaian.core.domain.Angka;
import id.capaian.core.domain.Level;
import id.capaian.report.evaluasi.EvaluasiForm.Anggaran;
import id.capaian.report.evaluasi.EvaluasiForm.Indikator;
import id.capaian.report.evaluasi.EvaluasiForm.Row;
import id.capaian.report.evaluasi.EvaluasiForm.Tanda;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Formulir E.81 laid out for people, shared by the HTML and XLSX forms: the numbered columns (1–16, K and Rp
 * halves of 5–15), one line per indicator (a node without indicators has one line) with the node's cells spanning
 * its lines, the footer, the signature blocks. Numbers are kept as numbers next to their Indonesian text.
 */
@TemplateData
public record Layout(String judul, String subjudul, String pemda, String opd, int tahun, String triwulan, String status,
        String statusClass, List<Line> lines, List<Footer> footer, Signature disusun, Signature dievaluasi) {

    static final Locale ID = Locale.forLanguageTag("id-ID");
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", ID);

    /** Columns 5–15: the heading of each (each has a K and an Rp half). */
    public static final List<String> PAIRED = List.of(
            "Target Renstra PD pada Tahun Akhir Periode Renstra",
            "Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu",
            "Target Kinerja dan Anggaran Renja PD Tahun Berjalan",
            "Realisasi Triwulan I", "Realisasi Triwulan II", "Realisasi Triwulan III", "Realisasi Triwulan IV",
            "Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi",
            "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja PD yang Dievaluasi (%)",
            "Realisasi Kinerja dan Anggaran Renstra PD sampai dengan Tahun Berjalan",
            "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD sampai dengan Tahun Berjalan (%)");

    /** The 27 cells of a line: 1–4, then K and Rp of 5..15, then 16. */
    public static final int CELLS = 4 + 2 * 11 + 1;

    @TemplateData
    public record Cell(String text, BigDecimal number, boolean percent, String css, int rowspan) {

        public boolean spans() {
            return rowspan > 1;
        }
    }

    @TemplateData
    public record Line(String css, List<Cell> cells) {
    }

    @TemplateData
    public record Footer(String label, String text, BigDecimal number, String predikat) {
    }

    @TemplateData
    public record Signature(String peran, String jabatan, boolean signed, String nama, String oleh, String tanggal) {
    }

    static Layout of(EvaluasiForm f) {
        List<Line> lines = new ArrayList<>();
        int no = 0;
        for (Row r : f.rows()) {
            no++;
            List<Indikator> inds = r.indikator();
            int span = Math.max(1, inds.size());
            String css = r.level() == Level.PROGRAM ? "program" : r.level() == Level.KEGIATAN ? "kegiatan" : "sub";
            for (int i = 0; i < span; i++) {
                Indikator k = i < inds.size() ? inds.get(i) : null;
                List<Cell> cells = new ArrayList<>(CELLS);
                boolean first = i == 0;
                if (first) {
                    cells.add(new Cell(String.valueOf(no), null, false, "c", span));
                    cells.add(new Cell(text(r.sasaran()), null, false, "t", span));
                    cells.add(new Cell(r.kode() + (r.uraian() == null ? "" : " " + r.uraian()), null, false, "u", span));
                }
                cells.add(new Cell(k == null ? "-" : k.nama() + (k.satuan() == null ? "" : " (" + k.satuan() + ")"), null, false, "t", 1));
                Anggaran a = r.anggaran();
                for (int c = 5; c <= 15; c++) {
                    cells.add(k == null ? dash() : kCell(k, c));
                    if (first) {
                        Cell rp = a == null ? dash() : rpCell(a, c);
                        cells.add(new Cell(rp.text(), rp.number(), rp.percent(), rp.css(), span));
                    }
                }
                if (first) {
                    cells.add(new Cell(f.opd(), null, false, "c", span));
                }
                lines.add(new Line(css, cells));
            }
        }
        List<Footer> footer = List.of(
                new Footer("Rata-rata capaian kinerja (%)", persen(f.rataRata().kinerja()), f.rataRata().kinerja(),
                        f.predikat().kinerja() == null ? "-" : f.predikat().kinerja().label()),
                new Footer("Rata-rata capaian anggaran (%)", persen(f.rataRata().anggaran()), f.rataRata().anggaran(),
                        f.predikat().anggaran() == null ? "-" : f.predikat().anggaran().label()),
                new Footer("Faktor pendorong keberhasilan pencapaian", text(f.faktorPendorong()), null, null),
                new Footer("Faktor penghambat pencapaian kinerja", text(f.faktorPenghambat()), null, null),
                new Footer("Tindak lanjut yang diperlukan dalam triwulan berikutnya", text(f.tindakLanjutTriwulan()), null, null),
                new Footer("Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya", text(f.tindakLanjutRenja()), null, null));
        String tw = EvaluasiService.ROMAWI[f.triwulan()];
        return new Layout("Formulir E.81", "Evaluasi terhadap Hasil Renja Perangkat Daerah Lingkup Kabupaten/Kota",
                f.pemda(), f.opd(), f.tahun(), tw, "Status: " + f.status().name() + statusNote(f), f.status().name().toLowerCase(Locale.ROOT),
                lines, footer, signature("Disusun", "Kepala " + f.opd(), f.disusun()),
                signature("Dievaluasi", "Kepala Bappeda", f.dievaluasi()));
    }

    private static String statusNote(EvaluasiForm f) {
        return switch (f.status()) {
            case DRAFT -> " (belum disusun; angka dapat berubah)";
            case DISUSUN -> " (disusun, menunggu evaluasi Bappeda)";
            case DIEVALUASI -> " (dievaluasi; bulan 1 sampai " + (3 * f.triwulan()) + " ditutup)";
        };
    }

    private static Signature signature(String peran, String jabatan, Tanda t) {
        if (t == null) {
            return new Signature(peran, jabatan, false, "", "", "");
        }
        return new Signature(peran, jabatan, true, t.nama() == null ? t.oleh() : t.nama(), t.oleh(),
                t.pada() == null ? "" : DATE.format(t.pada().atZoneSameInstant(WIB)));
    }

    private static Cell kCell(Indikator k, int column) {
        return switch (column) {
            case 5 -> value(k.renstraTarget());
            case 6 -> value(k.renstraSebelumnya());
            case 7 -> value(k.target());
            case 8, 9, 10, 11 -> value(k.triwulan().get(column - 8));
            case 12 -> value(k.realisasi());
            case 13 -> percent(k.capaian());
            case 14 -> value(k.renstraRealisasi());
            default -> percent(k.renstraCapaian());
        };
    }

    private static Cell rpCell(Anggaran a, int column) {
        return switch (column) {
            case 5 -> money(a.renstraPagu());
            case 6 -> money(a.renstraSebelumnya());
            case 7 -> money(a.target());
            case 8, 9, 10, 11 -> money(a.triwulan().get(column - 8));
            case 12 -> money(a.realisasi());
            case 13 -> percent(a.capaian());
            case 14 -> money(a.renstraRealisasi());
            default -> percent(a.renstraCapaian());
        };
    }

    private static Cell value(BigDecimal v) {
        return number(v, Angka::desimal, false);
    }

    private static Cell money(BigDecimal v) {
        return number(v, Angka::rupiah, false);
    }

    private static Cell percent(BigDecimal v) {
        return number(v, Layout::persen, true);
    }

    private static Cell number(BigDecimal v, Function<BigDecimal, String> format, boolean percent) {
        return v == null ? dash() : new Cell(format.apply(v), v, percent, "n", 1);
    }

    private static Cell dash() {
        return new Cell("-", null, false, "c", 1);
    }

    static String persen(BigDecimal v) {
        if (v == null) {
            return "-";
        }
        DecimalFormat d = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(ID));
        return d.format(v);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
