package id.capaian.report.laporan;

import id.capaian.core.domain.Level;
import id.capaian.report.laporan.Lines.Dash;
import id.capaian.report.laporan.Lines.Kind;
import id.capaian.report.laporan.Lines.Line;
import id.capaian.report.laporan.Lines.Num;
import id.capaian.report.laporan.Lines.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The table as an Excel workbook in the seed's layout: two title rows and a status row (FINAL or DRAFT), a two-row header in which TARGET,
 * REALISASI, CAPAIAN and PREDIKAT each span their FISIK and ANGGARAN/KEUANGAN columns (other header
 * cells merged down), one line per indicator with the row's own cells merged down over its lines,
 * Urusan and OPD merged over the whole table, and a bold TOTAL row. Amounts and percentages are
 * numeric cells with number formats ({@code #,##0}, {@code #,##0.00}), which Excel and LibreOffice
 * show with the reader's separators: 1.538.412.800 and 27,54 in an Indonesian locale. Printable as
 * is: A4 landscape, fit to one page wide, header rows repeated on every page, page numbers.
 */
public final class Xlsx {

    public static final int TITLE_ROW = 0, SUBTITLE_ROW = 1, STATUS_ROW = 2, HEADER_ROW = 3, FIRST_DATA_ROW = 5;

    /** Column widths in characters. */
    private static final int[] WIDTHS = {5, 17, 16, 14, 24, 36, 36, 9, 16, 9, 16, 10, 10, 12, 12, 20, 20, 20};

    private Xlsx() {
    }

    public static byte[] render(CapaianTable t) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new Writer(wb, t).write();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Writer {
        private final XSSFWorkbook wb;
        private final CapaianTable t;
        private final XSSFSheet sheet;
        private final Map<String, CellStyle> styles = new HashMap<>();

        Writer(XSSFWorkbook wb, CapaianTable t) {
            this.wb = wb;
            this.t = t;
            this.sheet = wb.createSheet("Capaian " + t.urusan().kode());
        }

        void write() {
            var props = wb.getProperties().getCoreProperties();
            props.setTitle(Texts.title(t));
            props.setCreator("Capaian report-service");
            int last = Lines.COUNT - 1;

            title(TITLE_ROW, Texts.title(t), true);
            title(SUBTITLE_ROW, Texts.asOf(t), false);
            title(STATUS_ROW, Texts.status(t), false);
            header();

            List<Line> lines = Lines.of(t);
            int r = FIRST_DATA_ROW;
            for (Line line : lines) {
                Row row = sheet.createRow(r);
                boolean bold = line.row().level() == Level.PROGRAM;
                for (int c = 0; c < Lines.COUNT; c++) {
                    boolean own = line.first() || Lines.perIndikator(c) || (Lines.perTable(c) && r == FIRST_DATA_ROW);
                    cell(row, c, own ? line.values()[c] : null, bold, false,
                            c == Lines.URAIAN && line.row().level() == Level.SUB_KEGIATAN ? 1 : 0);
                }
                if (line.first() && line.span() > 1) {
                    for (int c = 0; c < Lines.COUNT; c++) {
                        if (!Lines.perIndikator(c) && !Lines.perTable(c)) {
                            sheet.addMergedRegion(new CellRangeAddress(r, r + line.span() - 1, c, c));
                        }
                    }
                }
                r++;
            }
            if (lines.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(FIRST_DATA_ROW, r - 1, Lines.URUSAN, Lines.URUSAN));
                sheet.addMergedRegion(new CellRangeAddress(FIRST_DATA_ROW, r - 1, Lines.OPD, Lines.OPD));
            }
            Row total = sheet.createRow(r);
            Value[] tv = Lines.total(t);
            for (int c = 0; c < Lines.COUNT; c++) {
                cell(total, c, tv[c], true, true, 0);
            }
            total.getCell(0).setCellValue("TOTAL");
            total.getCell(Lines.URAIAN).setBlank();
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, Lines.INDIKATOR));

            for (int c = 0; c <= last; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            sheet.createFreezePane(0, FIRST_DATA_ROW);
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, FIRST_DATA_ROW - 1, -1, -1));
            wb.setPrintArea(0, 0, last, 0, r);

            PrintSetup ps = sheet.getPrintSetup();
            ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
            ps.setLandscape(true);
            sheet.setFitToPage(true);
            ps.setFitWidth((short) 1);
            ps.setFitHeight((short) 0);
            sheet.setHorizontallyCenter(true);
            sheet.setMargin(PageMargin.LEFT, 0.4);
            sheet.setMargin(PageMargin.RIGHT, 0.4);
            sheet.setMargin(PageMargin.TOP, 0.5);
            sheet.setMargin(PageMargin.BOTTOM, 0.5);
            sheet.getFooter().setCenter("Halaman &P dari &N");
            sheet.getFooter().setLeft(t.opd() + " TA " + t.tahun());
        }

        private void title(int r, String text, boolean big) {
            Row row = sheet.createRow(r);
            Cell c = row.createCell(0);
            c.setCellValue(text);
            c.setCellStyle(style("title" + big, () -> {
                CellStyle s = wb.createCellStyle();
                Font f = wb.createFont();
                f.setBold(big);
                f.setFontHeightInPoints((short) (big ? 12 : 10));
                s.setFont(f);
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setWrapText(true);
                return s;
            }));
            if (big) {
                row.setHeightInPoints(32);
            }
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, Lines.COUNT - 1));
        }

        private void header() {
            Row top = sheet.createRow(HEADER_ROW);
            Row bottom = sheet.createRow(HEADER_ROW + 1);
            CellStyle hs = style("header", () -> {
                CellStyle s = bordered();
                Font f = wb.createFont();
                f.setBold(true);
                s.setFont(f);
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setVerticalAlignment(VerticalAlignment.CENTER);
                s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                return s;
            });
            for (int c = 0; c < Lines.COUNT; c++) {
                top.createCell(c).setCellStyle(hs);
                bottom.createCell(c).setCellStyle(hs);
            }
            String[] single = {"NO", "KODE", "URUSAN PEMERINTAHAN", "ORGANISASI PERANGKAT DAERAH PELAKSANA", "KEBIJAKAN",
                "URAIAN PROG/KEG/SUB KEGIATAN", "INDIKATOR KINERJA PROG/KEG/SUB KEGIATAN"};
            for (int c = 0; c < single.length; c++) {
                top.getCell(c).setCellValue(single[c]);
                sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW, HEADER_ROW + 1, c, c));
            }
            group(top, bottom, Lines.TARGET_FISIK, "TARGET", "FISIK", "ANGGARAN");
            group(top, bottom, Lines.REALISASI_FISIK, "REALISASI", "FISIK", "ANGGARAN");
            group(top, bottom, Lines.CAPAIAN_FISIK, "CAPAIAN (%)", "FISIK", "KEUANGAN");
            group(top, bottom, Lines.PREDIKAT_FISIK, "PREDIKAT", "FISIK", "KEUANGAN");
            String[] tail = {"PERMASALAHAN", "UPAYA MENGATASI PERMASALAHAN", "TINDAK LANJUT REKOMENDASI DPRD"};
            for (int i = 0; i < tail.length; i++) {
                int c = Lines.PERMASALAHAN + i;
                top.getCell(c).setCellValue(tail[i]);
                sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW, HEADER_ROW + 1, c, c));
            }
            top.setHeightInPoints(30);
        }

        private void group(Row top, Row bottom, int c, String name, String left, String right) {
            top.getCell(c).setCellValue(name);
            sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW, HEADER_ROW, c, c + 1));
            bottom.getCell(c).setCellValue(left);
            bottom.getCell(c + 1).setCellValue(right);
        }

        private void cell(Row row, int c, Value v, boolean bold, boolean total, int indent) {
            Cell cell = row.createCell(c);
            if (v instanceof Num n) {
                String fmt = format(n);
                cell.setCellValue(n.value().doubleValue());
                cell.setCellStyle(style("num" + fmt + bold + total, () -> {
                    CellStyle s = base(bold, total);
                    s.setDataFormat(wb.createDataFormat().getFormat(fmt));
                    s.setAlignment(HorizontalAlignment.RIGHT);
                    return s;
                }));
                return;
            }
            boolean dash = v instanceof Dash;
            if (v != null) {
                cell.setCellValue(Lines.indonesian(v));
            }
            boolean centered = dash || c == Lines.NO;
            cell.setCellStyle(style("text" + bold + total + centered + indent, () -> {
                CellStyle s = base(bold, total);
                s.setWrapText(true);
                s.setAlignment(centered ? HorizontalAlignment.CENTER : HorizontalAlignment.LEFT);
                s.setIndention((short) indent);
                return s;
            }));
        }

        /** Rupiah whole or with cents, fisik with its own decimals, percentages with two. */
        private static String format(Num n) {
            if (n.kind() == Kind.PERSEN) {
                return "#,##0.00";
            }
            int scale = Math.max(0, n.value().stripTrailingZeros().scale());
            if (n.kind() == Kind.RUPIAH) {
                return scale == 0 ? "#,##0" : "#,##0.00";
            }
            return scale == 0 ? "#,##0" : "#,##0." + "0".repeat(Math.min(scale, 6));
        }

        private CellStyle base(boolean bold, boolean total) {
            CellStyle s = bordered();
            s.setVerticalAlignment(VerticalAlignment.TOP);
            if (bold) {
                Font f = wb.createFont();
                f.setBold(true);
                s.setFont(f);
            }
            if (total) {
                s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            return s;
        }

        private CellStyle bordered() {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }

        private CellStyle style(String key, java.util.function.Supplier<CellStyle> make) {
            return styles.computeIfAbsent(key, k -> make.get());
        }
    }

}
