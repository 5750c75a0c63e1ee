package id.capaian.report.laporan;

import id.capaian.report.imports.Tabel;

import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.report.laporan.CapaianTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workbook read back with POI: layout, numbers, TOTAL and print setup. */
class XlsxTest {

    static CapaianTable table;
    static XSSFWorkbook wb;
    static XSSFSheet sheet;

    @BeforeAll
    static void render() throws IOException {
        table = Fixture.table(r -> r.kode().equals("2.08.02")
                ? Fixture.annotate(r, "Menyusun kebijakan Peraturan Daerah tentang PPRG", "<script>alert(1)</script>", null, null)
                : r);
        wb = new XSSFWorkbook(new ByteArrayInputStream(Xlsx.render(table)));
        sheet = wb.getSheetAt(0);
    }

    static Row rowOf(String kode) {
        for (int r = Xlsx.FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Cell c = sheet.getRow(r).getCell(Lines.KODE);
            if (c != null && c.getCellType() == CellType.STRING && kode.equals(c.getStringCellValue())) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError("no row " + kode);
    }

    static boolean merged(int r1, int r2, int c1, int c2) {
        return sheet.getMergedRegions().stream().anyMatch(m -> m.getFirstRow() == r1 && m.getLastRow() == r2
                && m.getFirstColumn() == c1 && m.getLastColumn() == c2);
    }

    @Test
    void titleAndTwoRowHeaderWithTargetAndRealisasiSpanningFisikAndAnggaran() {
        assertThat(sheet.getRow(Xlsx.TITLE_ROW).getCell(0).getStringCellValue())
                .startsWith("Tabel Capaian Pelaksanaan Program, Kegiatan dan Sub Kegiatan Urusan Pemerintahan Bidang "
                        + "Pemberdayaan Perempuan dan Perlindungan Anak")
                .endsWith("TA 2024");
        assertThat(sheet.getRow(Xlsx.SUBTITLE_ROW).getCell(0).getStringCellValue()).contains("bulan Desember 2024");
        assertThat(sheet.getRow(Xlsx.STATUS_ROW).getCell(0).getStringCellValue()).startsWith("Status: DRAFT");
        int h = Xlsx.HEADER_ROW;
        Row top = sheet.getRow(h);
        Row bottom = sheet.getRow(h + 1);
        assertThat(top.getCell(Lines.TARGET_FISIK).getStringCellValue()).isEqualTo("TARGET");
        assertThat(top.getCell(Lines.REALISASI_FISIK).getStringCellValue()).isEqualTo("REALISASI");
        assertThat(merged(h, h, Lines.TARGET_FISIK, Lines.TARGET_ANGGARAN)).isTrue();
        assertThat(merged(h, h, Lines.REALISASI_FISIK, Lines.REALISASI_ANGGARAN)).isTrue();
        assertThat(merged(h, h, Lines.CAPAIAN_FISIK, Lines.CAPAIAN_KEUANGAN)).isTrue();
        assertThat(bottom.getCell(Lines.TARGET_FISIK).getStringCellValue()).isEqualTo("FISIK");
        assertThat(bottom.getCell(Lines.TARGET_ANGGARAN).getStringCellValue()).isEqualTo("ANGGARAN");
        assertThat(bottom.getCell(Lines.REALISASI_FISIK).getStringCellValue()).isEqualTo("FISIK");
        assertThat(bottom.getCell(Lines.REALISASI_ANGGARAN).getStringCellValue()).isEqualTo("ANGGARAN");
        for (int c : new int[] {Lines.NO, Lines.URUSAN, Lines.OPD, Lines.KEBIJAKAN, Lines.URAIAN, Lines.INDIKATOR,
            Lines.PERMASALAHAN, Lines.UPAYA, Lines.TINDAK_LANJUT}) {
            assertThat(merged(h, h + 1, c, c)).as("column %d merged down", c).isTrue();
        }
        assertThat(top.getCell(Lines.URAIAN).getStringCellValue()).isEqualTo("URAIAN PROG/KEG/SUB KEGIATAN");
        assertThat(top.getCell(Lines.TINDAK_LANJUT).getStringCellValue()).isEqualTo("TINDAK LANJUT REKOMENDASI DPRD");
    }

    @Test
    void rowsInCodeOrderWithNumericAmounts() {
        List<String> kodes = table.rows().stream().map(CapaianTable.Row::kode).toList();
        for (int i = 0; i < kodes.size(); i++) {
            assertThat(sheet.getRow(Xlsx.FIRST_DATA_ROW + i).getCell(Lines.KODE).getStringCellValue()).isEqualTo(kodes.get(i));
        }
        Row sub = rowOf("2.08.02.2.01.0003");
        assertThat(sub.getCell(Lines.TARGET_ANGGARAN).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(sub.getCell(Lines.TARGET_ANGGARAN).getNumericCellValue()).isEqualTo(73810300d);
        assertThat(sub.getCell(Lines.REALISASI_ANGGARAN).getNumericCellValue()).isEqualTo(55926300d);
        assertThat(sub.getCell(Lines.TARGET_ANGGARAN).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        assertThat(sub.getCell(Lines.TARGET_FISIK).getNumericCellValue()).isEqualTo(50d);
        assertThat(sub.getCell(Lines.INDIKATOR).getStringCellValue()).endsWith("(perangkat daerah)");

        Row program = rowOf("2.08.02");
        assertThat(program.getCell(Lines.URAIAN).getStringCellValue())
                .isEqualTo("PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN");
        assertThat(program.getCell(Lines.REALISASI_FISIK).getNumericCellValue()).isEqualTo(27.54d);
        assertThat(program.getCell(Lines.CAPAIAN_FISIK).getNumericCellValue()).isEqualTo(42.37d);
        assertThat(program.getCell(Lines.CAPAIAN_FISIK).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(program.getCell(Lines.PREDIKAT_FISIK).getStringCellValue()).isEqualTo("Sangat Rendah");
        assertThat(program.getCell(Lines.KEBIJAKAN).getStringCellValue()).startsWith("Menyusun kebijakan");
        assertThat(program.getCell(Lines.PERMASALAHAN).getStringCellValue()).isEqualTo("<script>alert(1)</script>");
        assertThat(wb.getFontAt(program.getCell(Lines.URAIAN).getCellStyle().getFontIndex()).getBold()).isTrue();

        assertThat(rowOf("2.08.04").getCell(Lines.CAPAIAN_FISIK).getNumericCellValue()).isEqualTo(147.43d);
        assertThat(rowOf("2.08.02.2.02").getCell(Lines.CAPAIAN_FISIK).getNumericCellValue()).isEqualTo(70.42d);
    }

    @Test
    void zeroBudgetShowsADashForCapaianKeuangan() {
        Row zero = rowOf("2.08.07.2.01.0091");
        assertThat(zero.getCell(Lines.TARGET_ANGGARAN).getNumericCellValue()).isZero();
        assertThat(zero.getCell(Lines.CAPAIAN_KEUANGAN).getStringCellValue()).isEqualTo("-");
        assertThat(zero.getCell(Lines.PREDIKAT_KEUANGAN).getStringCellValue()).isEqualTo("-");
    }

    @Test
    void boldTotalRowWithTheSums() {
        int last = sheet.getLastRowNum();
        assertThat(last).isEqualTo(Xlsx.FIRST_DATA_ROW + 47);
        Row total = sheet.getRow(last);
        assertThat(total.getCell(0).getStringCellValue()).isEqualTo("TOTAL");
        assertThat(total.getCell(Lines.TARGET_ANGGARAN).getNumericCellValue()).isEqualTo(3555368700d);
        assertThat(total.getCell(Lines.REALISASI_ANGGARAN).getNumericCellValue()).isEqualTo(3214176245d);
        assertThat(total.getCell(Lines.CAPAIAN_KEUANGAN).getNumericCellValue()).isEqualTo(90.40d);
        assertThat(total.getCell(Lines.PREDIKAT_KEUANGAN).getStringCellValue()).isEqualTo("Tinggi");
        assertThat(wb.getFontAt(total.getCell(Lines.TARGET_ANGGARAN).getCellStyle().getFontIndex()).getBold()).isTrue();
        assertThat(merged(last, last, 0, Lines.INDIKATOR)).isTrue();
        assertThat(new DataFormatter(java.util.Locale.forLanguageTag("id-ID"))
                .formatCellValue(total.getCell(Lines.TARGET_ANGGARAN))).isEqualTo("3.555.368.700");
    }

    @Test
    void printsOnA4LandscapeFitToWidthWithRepeatedHeader() {
        PrintSetup ps = sheet.getPrintSetup();
        assertThat(ps.getLandscape()).isTrue();
        assertThat(ps.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(ps.getFitWidth()).isEqualTo((short) 1);
        assertThat(ps.getFitHeight()).isEqualTo((short) 0);
        CellRangeAddress repeat = sheet.getRepeatingRows();
        assertThat(repeat.getFirstRow()).isEqualTo(Xlsx.HEADER_ROW);
        assertThat(repeat.getLastRow()).isEqualTo(Xlsx.HEADER_ROW + 1);
        assertThat(sheet.getColumnWidth(Lines.URAIAN)).isGreaterThan(sheet.getColumnWidth(Lines.NO));
        assertThat(rowOf("2.08.02").getCell(Lines.URAIAN).getCellStyle().getWrapText()).isTrue();
    }

    @Test
    void aRowWithTwoIndicatorsGetsTwoLinesWithItsOwnCellsMergedDown() throws IOException {
        CapaianTable base = Fixture.table();
        var two = base.rows().stream().map(r -> r.kode().equals("2.08.02")
                ? new CapaianTable.Row(r.kode(), r.level(), r.uraian(), List.of(r.indikator().get(0),
                        CapaianTable.Indikator.of(2, "Indeks Pemberdayaan Gender", "indeks",
                                id.capaian.core.domain.Polaritas.POSITIF, null, new java.math.BigDecimal("70"), null)),
                        r.anggaran(), null, null, null, null)
                : r).toList();
        CapaianTable t = new CapaianTable(base.pemda(), base.tahun(), base.opd(), base.urusan(), base.bulan(),
                base.status(), base.kunci(), two, base.total());
        try (XSSFWorkbook w = new XSSFWorkbook(new ByteArrayInputStream(Xlsx.render(t)))) {
            XSSFSheet s = w.getSheetAt(0);
            int r = Xlsx.FIRST_DATA_ROW;
            assertThat(s.getRow(r).getCell(Lines.KODE).getStringCellValue()).isEqualTo("2.08.02");
            assertThat(s.getRow(r + 1).getCell(Lines.INDIKATOR).getStringCellValue()).isEqualTo("Indeks Pemberdayaan Gender (indeks)");
            assertThat(s.getRow(r + 1).getCell(Lines.REALISASI_FISIK).getStringCellValue()).isEqualTo("-");
            assertThat(s.getRow(r + 1).getCell(Lines.CAPAIAN_FISIK).getStringCellValue()).isEqualTo("-");
            assertThat(s.getMergedRegions()).anyMatch(m -> m.getFirstRow() == r && m.getLastRow() == r + 1
                    && m.getFirstColumn() == Lines.TARGET_ANGGARAN && m.getLastColumn() == Lines.TARGET_ANGGARAN);
            assertThat(s.getLastRowNum()).isEqualTo(Xlsx.FIRST_DATA_ROW + 48);
        }
    }
}
