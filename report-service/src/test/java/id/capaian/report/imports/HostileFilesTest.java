package id.capaian.report.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.capaian.core.problem.Problem;
import id.capaian.core.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files made to exhaust report-service are refused at the first cap they exceed (413 naming its configuration key),
 * and reading them allocates a bounded amount of memory: measured as the bytes the reading thread allocates
 * (com.sun.management.ThreadMXBean), not by the clock.
 */
class HostileFilesTest {

    static final TabelReader.Limits LIMITS = TabelReader.Limits.DEFAULT;
    /**
     * Far below what the old whole-workbook reading took for the XFD sheet (hundreds of MB): twice the inflated-size
     * cap (32 MiB; a zip bomb is read up to it, through the XML parser's buffers) plus the parser's own classes.
     */
    static final long BOUND = 80L * 1024 * 1024;

    /**
     * Loads and initializes POI's and the XML parser's classes (XmlBeans' type system alone allocates tens of MB
     * once per JVM) with one valid workbook, so that the measurements below are of the reading itself.
     */
    @BeforeAll
    static void warmUp() {
        assertThat(TabelReader.read(Fixture.xlsx(Fixture.tsv()), TabelReader.XLSX, LIMITS).rows()).hasSize(48);
    }

    static long allocated(Runnable r) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        r.run();
        return mx.getThreadAllocatedBytes(id) - before;
    }

    static ProblemException refusal(byte[] body, String type, TabelReader.Limits limits) {
        ProblemException[] thrown = new ProblemException[1];
        long bytes = allocated(() -> {
            try {
                TabelReader.read(body, type, limits);
            } catch (ProblemException e) {
                thrown[0] = e;
            }
        });
        assertThat(thrown[0]).as("refused").isNotNull();
        assertThat(bytes).as("bytes allocated while reading").isLessThan(BOUND);
        return thrown[0];
    }

    static void assertCap(ProblemException e, String key) {
        Problem p = e.problem();
        assertThat(p.status()).isEqualTo(413);
        assertThat(p.type()).isEqualTo("/problems/batas-impor");
        assertThat(p.errors()).hasSize(1);
        assertThat(p.errors().get(0).field()).isEqualTo(key);
        assertThat(p.detail()).contains(key);
    }

    /** The sheet: a cell in column XFD on 10,000 rows (about 100 KB zipped). */
    static byte[] xfdSheet() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            for (int r = 0; r < 10_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("2.08.02");
                row.createCell(16_383).setCellValue("x");
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aCellInColumnXfdStopsTheReadingAtTheColumnCap() throws IOException {
        byte[] body = xfdSheet();
        assertThat(body.length).isLessThan(4 * 1024 * 1024);
        ProblemException e = refusal(body, TabelReader.XLSX, LIMITS);
        assertCap(e, "capaian.import.max-columns");
        assertThat(e.problem().errors().get(0).message()).isEqualTo("baris 1 memakai 16384 kolom; paling banyak 64");
    }

    @Test
    void aSheetOverTheRowCapIsRefusedAtItsFirstRowBeyond() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            for (int r = 0; r < 20_000; r++) {
                sheet.createRow(r).createCell(0).setCellValue("x");
            }
            wb.write(out);
            ProblemException e = refusal(out.toByteArray(), TabelReader.XLSX, LIMITS);
            assertCap(e, "capaian.import.max-rows");
            assertThat(e.problem().errors().get(0).message()).isEqualTo("baris 5001 melampaui batas 5000 baris");
        }
        // Rows far apart count by their number: one cell in row 1,048,576 is beyond the cap as well.
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet().createRow(1_048_575).createCell(0).setCellValue("x");
            wb.write(out);
            assertCap(refusal(out.toByteArray(), TabelReader.XLSX, LIMITS), "capaian.import.max-rows");
        }
    }

    @Test
    void aSheetOverTheCellCapIsRefused() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            for (int r = 0; r < 200; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 10; c++) {
                    row.createCell(c).setCellValue(r * 10 + c);
                }
            }
            wb.write(out);
            assertCap(refusal(out.toByteArray(), TabelReader.XLSX, new TabelReader.Limits(5000, 64, 1000, 1 << 25, 0.01)),
                    "capaian.import.max-cells");
        }
    }

    /** A valid workbook whose sheet is replaced by 64 MB of one repeated row: a zip bomb of a few hundred KB. */
    static byte[] zipBomb() throws IOException {
        byte[] valid = Fixture.xlsx(Fixture.tsv());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(valid)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>".getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 64 * 1024 * 1024 / row.length; i++) {
                        zip.write(row);
                    }
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aZipBombIsRefusedByTheInflateCaps() throws IOException {
        byte[] bomb = zipBomb();
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertCap(refusal(bomb, TabelReader.XLSX, LIMITS), "capaian.import.min-inflate-ratio");
        // With the ratio check relaxed, the entry size cap still stops it.
        assertCap(refusal(bomb, TabelReader.XLSX, new TabelReader.Limits(5000, 64, 100_000, 1024 * 1024, 0.0)),
                "capaian.import.max-inflated-bytes");
    }

    @Test
    void aMillionOneCharacterLinesAreRefusedAtTheLineCap() {
        byte[] body = "x\n".repeat(2_000_000).getBytes(StandardCharsets.UTF_8);
        ProblemException e = refusal(body, TabelReader.TSV, LIMITS);
        assertCap(e, "capaian.import.max-rows");
        assertThat(e.problem().errors().get(0).message()).isEqualTo("baris 5001 melampaui batas 5000 baris");
        // Blank lines count too, and CSV is read the same way.
        assertCap(refusal("\n".repeat(1_000_000).getBytes(StandardCharsets.UTF_8), TabelReader.CSV, LIMITS),
                "capaian.import.max-rows");
        assertCap(refusal(("a" + "\t".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8), TabelReader.TSV, LIMITS),
                "capaian.import.max-columns");
    }

    @Test
    void aFileOfManyBadRowsListsAHundredProblemsAndCountsTheRest() {
        StringBuilder tsv = new StringBuilder(Fixture.tsv().lines().findFirst().orElseThrow()).append('\n');
        for (int i = 0; i < 3000; i++) {
            tsv.append("x\n");
        }
        Tabel tabel = TabelReader.read(tsv.toString().getBytes(StandardCharsets.UTF_8), TabelReader.TSV, LIMITS);
        assertThatThrownBy(() -> ImportValidator.validate(tabel, 100)).isInstanceOfSatisfying(ProblemException.class, e -> {
            Problem p = e.problem();
            assertThat(p.status()).isEqualTo(422);
            assertThat(p.errors()).hasSize(100);
            assertThat(p.errorsOmitted()).isPositive();
            assertThat(p.detail()).startsWith((100 + p.errorsOmitted()) + " masalah pada berkas impor (100 pertama disebut; "
                    + "errorsOmitted: " + p.errorsOmitted() + " lainnya)");
        });
    }
}
