package id.capaian.report.rfk;

import id.capaian.report.export.TablePage;

import id.capaian.core.domain.Angka;
import id.capaian.core.domain.Level;
import id.capaian.core.lock.YearLock;
import id.capaian.report.laporan.CapaianTable.Status;
import id.capaian.report.laporan.Csv;
import id.capaian.report.laporan.Texts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The RFK tables as people read them: one grid of cells (text, rupiah, percent) per report, rendered as CSV
 * (semicolons, Indonesian numbers, UTF-8 with BOM, as the capaian table's CSV), XLSX (numeric cells) and a
 * self-contained printable HTML page (escaped, no scripts, A4 landscape). Numbers come from {@link Rfk} and
 * {@link Peringkat} unchanged.
 */
public final class RfkForms {

    private RfkForms() {
    }

    /** A cell: text, rupiah or percent; a null amount or percent is shown as "-". */
    sealed interface Cell permits Text, Rp, Pct {
    }

    record Text(String value) implements Cell {
    }

    record Rp(BigDecimal value) implements Cell {
    }

    record Pct(BigDecimal value) implements Cell {
    }

    /** One report as a grid: title, the as-of line, the status line, the header, rows, the total row. */
    record Grid(String title, String asOf, String status, boolean draft, List<String> header, List<List<Cell>> rows,
            List<Integer> bold, List<Cell> total, String sheet) {
    }

    static final List<String> OPD_HEADER = List.of("No", "Kode", "Uraian Program/Kegiatan/Sub Kegiatan",
            "Pagu Murni (Rp)", "Pagu (Rp)", "Bobot (%)", "Rencana s.d. Bulan Ini (Rp)", "Rencana (%)",
            "Realisasi Keuangan (Rp)", "Realisasi Keuangan (%)", "Realisasi Fisik (%)", "Deviasi (Rp)", "Deviasi (%)");

    static final List<String> PEMDA_HEADER = List.of("Peringkat", "OPD", "Status", "Pagu Murni (Rp)", "Pagu (Rp)",
            "Rencana s.d. Bulan Ini (Rp)", "Rencana (%)", "Realisasi Keuangan (Rp)", "Realisasi Keuangan (%)",
            "Realisasi Fisik (%)", "Deviasi (Rp)", "Deviasi (%)");

    static Grid grid(Rfk r) {
        List<List<Cell>> rows = new ArrayList<>();
        List<Integer> bold = new ArrayList<>();
        int no = 0;
        for (Rfk.Baris b : r.rows()) {
            if (b.level() == Level.PROGRAM) {
                bold.add(rows.size());
            }
            String uraian = b.uraian() == null || b.uraian().isBlank() ? b.kode() : b.uraian().strip();
            rows.add(List.of(new Text(b.level() == Level.SUB_KEGIATAN ? String.valueOf(++no) : ""), new Text(b.kode()),
                    new Text(uraian), new Rp(b.paguMurni()), new Rp(b.pagu()), new Pct(b.bobot()),
                    new Rp(b.rencana().jumlah()), new Pct(b.rencana().persen()), new Rp(b.realisasi().jumlah()),
                    new Pct(b.realisasi().persen()), new Pct(b.fisik()), new Rp(b.deviasi().jumlah()),
                    new Pct(b.deviasi().persen())));
        }
        Rfk.Angka t = r.total();
        List<Cell> total = List.of(new Text(""), new Text(""), new Text("TOTAL OPD " + r.opd()), new Rp(t.paguMurni()),
                new Rp(t.pagu()), new Pct(t.bobot()), new Rp(t.rencana().jumlah()), new Pct(t.rencana().persen()),
                new Rp(t.realisasi().jumlah()), new Pct(t.realisasi().persen()), new Pct(t.fisik()),
                new Rp(t.deviasi().jumlah()), new Pct(t.deviasi().persen()));
        return new Grid("Laporan Realisasi Fisik dan Keuangan (RFK) OPD " + r.opd() + " TA " + r.tahun(),
                asOf(r.pemda(), r.tahun(), r.bulan()), status(r.status(), r.kunci(), r.tahun()),
                r.status() != Status.FINAL, OPD_HEADER, rows, bold, total, "RFK " + r.opd());
    }

    static Grid grid(Peringkat p) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Peringkat.Opd o : p.opd()) {
            rows.add(List.of(new Text(String.valueOf(o.peringkat())), new Text(o.opd()), new Text(o.status().name()),
                    new Rp(o.paguMurni()), new Rp(o.pagu()), new Rp(o.rencana().jumlah()), new Pct(o.rencana().persen()),
                    new Rp(o.realisasi().jumlah()), new Pct(o.realisasi().persen()), new Pct(o.fisik()),
                    new Rp(o.deviasi().jumlah()), new Pct(o.deviasi().persen())));
        }
        Rfk.Angka t = p.total();
        List<Cell> total = List.of(new Text(""), new Text("TOTAL PEMDA " + p.pemda()), new Text(""),
                new Rp(t.paguMurni()), new Rp(t.pagu()), new Rp(t.rencana().jumlah()), new Pct(t.rencana().persen()),
                new Rp(t.realisasi().jumlah()), new Pct(t.realisasi().persen()), new Pct(t.fisik()),
                new Rp(t.deviasi().jumlah()), new Pct(t.deviasi().persen()));
        boolean draft = p.opd().stream().anyMatch(o -> o.status() != Status.FINAL);
        return new Grid("Peringkat Realisasi Fisik dan Keuangan OPD Pemda " + p.pemda() + " TA " + p.tahun(),
                asOf(p.pemda(), p.tahun(), p.bulan()),
                draft ? "Status: DRAFT (sebagian OPD belum dikunci: angka masih dapat berubah)" : "Status: FINAL",
                draft, PEMDA_HEADER, rows, List.of(), total, "Peringkat RFK");
    }

    static String fileName(Rfk r) {
        return "rfk-" + r.pemda() + "-" + r.tahun() + "-" + r.opd() + "-bulan-" + r.bulan();
    }

    static String fileName(Peringkat p) {
        return "rfk-" + p.pemda() + "-" + p.tahun() + "-bulan-" + p.bulan();
    }

    private static String asOf(String pemda, int tahun, int bulan) {
        return "Pemda " + pemda + " · keadaan s.d. akhir bulan " + Texts.BULAN[bulan - 1] + " " + tahun + " (bulan "
                + bulan + ")";
    }

    private static String status(Status s, YearLock k, int tahun) {
        return Texts.status(s, k, tahun);
    }

    // ------------------------------------------------------------------------------------------ CSV

    static byte[] csv(Grid g) {
        StringBuilder b = new StringBuilder("\uFEFF");
        line(b, g.header().stream().map(RfkForms::neutral).toList());
        for (List<Cell> row : g.rows()) {
            line(b, row.stream().map(RfkForms::text).toList());
        }
        line(b, g.total().stream().map(RfkForms::text).toList());
        List<String> status = new ArrayList<>();
        for (int i = 0; i < g.header().size(); i++) {
            status.add(i == 2 || g.header().size() <= 2 ? neutral(g.status()) : "");
        }
        line(b, status);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            b.append(i == 0 ? "" : String.valueOf(Csv.DELIMITER)).append(Csv.quote(fields.get(i)));
        }
        b.append("\r\n");
    }

    private static String text(Cell c) {
        if (c instanceof Rp rp) {
            return rp.value() == null ? "-" : Angka.rupiah(rp.value());
        }
        if (c instanceof Pct p) {
            return p.value() == null ? "-" : Angka.desimal(p.value());
        }
        return neutral(((Text) c).value());
    }

    /** CSV injection: text a spreadsheet would run as a formula is prefixed with an apostrophe. */
    private static String neutral(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    // ----------------------------------------------------------------------------------------- HTML

    /** The grid as a printable table page (rendered by export/Pages); texts as shown, not CSV-neutralized. */
    static TablePage page(Grid g) {
        List<TablePage.Row> body = new ArrayList<>();
        for (int i = 0; i < g.rows().size(); i++) {
            body.add(row(g.rows().get(i), g.bold().contains(i) ? "program" : null));
        }
        body.add(row(g.total(), "total"));
        List<TablePage.Cell> head = g.header().stream().map(h -> TablePage.Cell.of(h, null)).toList();
        return new TablePage(g.title(), g.asOf(), g.status(), g.draft(), List.of(new TablePage.Row(null, head)), body,
                List.of());
    }

    private static TablePage.Row row(List<Cell> cells, String cls) {
        return new TablePage.Row(cls, cells.stream()
                .map(c -> TablePage.Cell.of(c instanceof Text t ? t.value() : text(c), c instanceof Text ? null : "n"))
                .toList());
    }

    // ----------------------------------------------------------------------------------------- XLSX

    static byte[] xlsx(Grid g) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(g.sheet());
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            CellStyle title = wb.createCellStyle();
            title.setFont(boldFont);
            CellStyle head = bordered(wb, null, boldFont);
            CellStyle text = bordered(wb, null, null);
            CellStyle rp = bordered(wb, "#,##0.00", null);
            CellStyle pct = bordered(wb, "0.00", null);
            CellStyle boldText = bordered(wb, null, boldFont);
            CellStyle boldRp = bordered(wb, "#,##0.00", boldFont);
            CellStyle boldPct = bordered(wb, "0.00", boldFont);
            int r = 0;
            for (String line : List.of(g.title(), g.asOf(), g.status())) {
                sheet.createRow(r++).createCell(0).setCellValue(line);
                sheet.getRow(r - 1).getCell(0).setCellStyle(title);
            }
            r++;
            Row h = sheet.createRow(r++);
            for (int c = 0; c < g.header().size(); c++) {
                h.createCell(c).setCellValue(g.header().get(c));
                h.getCell(c).setCellStyle(head);
            }
            List<List<Cell>> all = new ArrayList<>(g.rows());
            all.add(g.total());
            for (int i = 0; i < all.size(); i++) {
                boolean bold = g.bold().contains(i) || i == all.size() - 1;
                Row row = sheet.createRow(r++);
                List<Cell> cells = all.get(i);
                for (int c = 0; c < cells.size(); c++) {
                    var cell = row.createCell(c);
                    Cell v = cells.get(c);
                    if (v instanceof Rp x && x.value() != null) {
                        cell.setCellValue(x.value().doubleValue());
                        cell.setCellStyle(bold ? boldRp : rp);
                    } else if (v instanceof Pct x && x.value() != null) {
                        cell.setCellValue(x.value().doubleValue());
                        cell.setCellStyle(bold ? boldPct : pct);
                    } else {
                        cell.setCellValue(v instanceof Text t ? t.value() : "-");
                        cell.setCellStyle(bold ? boldText : text);
                    }
                }
            }
            for (int c = 0; c < g.header().size(); c++) {
                sheet.setColumnWidth(c, (c == 2 || (g.header().size() == 12 && c == 1) ? 40 : 16) * 256);
            }
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle bordered(XSSFWorkbook wb, String format, Font font) {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setWrapText(format == null);
        if (format != null) {
            s.setDataFormat(wb.createDataFormat().getFormat(format));
        }
        if (font != null) {
            s.setFont(font);
        }
        return s;
    }
}
