package id.capaian.report.evaluasi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Formulir E.81 as an Excel workbook: the same numbered columns as the HTML form (1–16, K and Rp halves of
 * 5–15), the node's cells merged down over its indicator lines, amounts and percentages as numeric cells
 * ({@code #,##0.##}, {@code 0.00}), then the footer and the signature blocks. A4 landscape, one page wide.
 */
public final class EvaluasiXlsx {

    public static final int HEADER_ROW = 4, KR_ROW = 5, NUMBER_ROW = 6, FIRST_DATA_ROW = 7;

    private EvaluasiXlsx() {
    }

    /** The sheet column of cell i of a line that is not its node's first (K cells only): 3, then 4, 6, …, 24. */
    static int kColumn(int i) {
        return i == 0 ? 3 : 4 + 2 * (i - 1);
    }

    public static byte[] render(EvaluasiForm form) {
        Layout l = Layout.of(form);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet("E.81 Triwulan " + l.triwulan());
            wb.getProperties().getCoreProperties().setTitle(l.judul() + " " + l.opd() + " " + l.tahun() + " Triwulan " + l.triwulan());
            wb.getProperties().getCoreProperties().setCreator("Capaian report-service");
            CellStyle head = style(wb, true, true, null);
            CellStyle text = style(wb, false, false, null);
            CellStyle num = style(wb, false, false, "#,##0.##");
            CellStyle pct = style(wb, false, false, "0.00");
            int last = Layout.CELLS - 1;
            title(s, 0, l.judul(), last);
            title(s, 1, l.subjudul(), last);
            title(s, 2, "Pemerintah Daerah " + l.pemda() + " · Perangkat Daerah " + l.opd() + " · Tahun " + l.tahun()
                    + " · Triwulan " + l.triwulan(), last);
            title(s, 3, l.status(), last);

            Row h = s.createRow(HEADER_ROW);
            Row kr = s.createRow(KR_ROW);
            Row nr = s.createRow(NUMBER_ROW);
            String[] single = {"No", "Sasaran", "Kode, Program / Kegiatan / Sub Kegiatan",
                "Indikator Kinerja Program (outcome) / Kegiatan / Sub Kegiatan (output)"};
            for (int c = 0; c < 4; c++) {
                put(h, c, single[c], head);
                put(kr, c, "", head);
                s.addMergedRegion(new CellRangeAddress(HEADER_ROW, KR_ROW, c, c));
                put(nr, c, String.valueOf(c + 1), head);
            }
            for (int p = 0; p < Layout.PAIRED.size(); p++) {
                int c = 4 + 2 * p;
                put(h, c, Layout.PAIRED.get(p), head);
                put(h, c + 1, "", head);
                s.addMergedRegion(new CellRangeAddress(HEADER_ROW, HEADER_ROW, c, c + 1));
                put(kr, c, "K", head);
                put(kr, c + 1, "Rp", head);
                put(nr, c, String.valueOf(p + 5), head);
                put(nr, c + 1, "", head);
                s.addMergedRegion(new CellRangeAddress(NUMBER_ROW, NUMBER_ROW, c, c + 1));
            }
            put(h, last, "Unit Perangkat Daerah Penanggung Jawab", head);
            put(kr, last, "", head);
            s.addMergedRegion(new CellRangeAddress(HEADER_ROW, KR_ROW, last, last));
            put(nr, last, "16", head);

            int r = FIRST_DATA_ROW;
            for (Layout.Line line : l.lines()) {
                Row row = s.createRow(r);
                boolean full = line.cells().size() == Layout.CELLS;
                for (int i = 0; i < line.cells().size(); i++) {
                    Layout.Cell c = line.cells().get(i);
                    int col = full ? i : kColumn(i);
                    Cell cell = row.createCell(col);
                    if (c.number() != null) {
                        cell.setCellValue(c.number().doubleValue());
                        cell.setCellStyle(c.percent() ? pct : num);
                    } else {
                        cell.setCellValue(c.text());
                        cell.setCellStyle(text);
                    }
                    if (c.rowspan() > 1) {
                        s.addMergedRegion(new CellRangeAddress(r, r + c.rowspan() - 1, col, col));
                    }
                }
                r++;
            }
            r++;
            for (Layout.Footer f : l.footer()) {
                Row row = s.createRow(r++);
                put(row, 0, f.label(), head);
                Cell v = row.createCell(4);
                if (f.number() != null) {
                    v.setCellValue(f.number().doubleValue());
                    v.setCellStyle(pct);
                } else {
                    v.setCellValue(f.text());
                    v.setCellStyle(text);
                }
                if (f.predikat() != null) {
                    put(row, 5, "Predikat " + f.predikat(), text);
                }
                s.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, 3));
            }
            r++;
            for (int k = 0; k < 5; k++) {
                Row row = s.createRow(r++);
                put(row, 2, signatureLine(l.disusun(), k), text);
                put(row, 16, signatureLine(l.dievaluasi(), k), text);
            }
            s.setColumnWidth(0, 5 * 256);
            s.setColumnWidth(1, 18 * 256);
            s.setColumnWidth(2, 30 * 256);
            s.setColumnWidth(3, 28 * 256);
            for (int c = 4; c < last; c++) {
                s.setColumnWidth(c, 13 * 256);
            }
            s.setColumnWidth(last, 14 * 256);
            s.createFreezePane(0, FIRST_DATA_ROW);
            s.setRepeatingRows(new CellRangeAddress(HEADER_ROW, NUMBER_ROW, -1, -1));
            s.getPrintSetup().setLandscape(true);
            s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            s.setFitToPage(true);
            s.getPrintSetup().setFitWidth((short) 1);
            s.getPrintSetup().setFitHeight((short) 0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String signatureLine(Layout.Signature g, int k) {
        List<String> lines = List.of(g.peran(), g.jabatan(), g.signed() ? g.nama() : "(belum ditandatangani)",
                g.signed() ? g.oleh() : "", g.signed() ? g.tanggal() : "");
        return lines.get(k);
    }

    private static void title(XSSFSheet s, int r, String text, int last) {
        Row row = s.createRow(r);
        row.createCell(0).setCellValue(text);
        s.addMergedRegion(new CellRangeAddress(r, r, 0, last));
    }

    private static void put(Row row, int c, String v, CellStyle st) {
        Cell cell = row.createCell(c);
        cell.setCellValue(v);
        cell.setCellStyle(st);
    }

    private static CellStyle style(XSSFWorkbook wb, boolean header, boolean bold, String format) {
        CellStyle st = wb.createCellStyle();
        st.setBorderTop(BorderStyle.THIN);
        st.setBorderBottom(BorderStyle.THIN);
        st.setBorderLeft(BorderStyle.THIN);
        st.setBorderRight(BorderStyle.THIN);
        st.setVerticalAlignment(header ? VerticalAlignment.CENTER : VerticalAlignment.TOP);
        st.setWrapText(true);
        if (header) {
            st.setAlignment(HorizontalAlignment.CENTER);
            st.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            st.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        if (bold) {
            Font f = wb.createFont();
            f.setBold(true);
            st.setFont(f);
        }
        if (format != null) {
            st.setDataFormat(wb.createDataFormat().getFormat(format));
            st.setAlignment(HorizontalAlignment.RIGHT);
        }
        return st;
    }
}
