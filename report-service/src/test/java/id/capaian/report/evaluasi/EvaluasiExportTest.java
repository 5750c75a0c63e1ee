package id.capaian.report.evaluasi;

import id.capaian.report.laporan.Lines;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import id.capaian.report.export.Answers;
import id.capaian.testing.LocalInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The printable forms of the worked example: the HTML opened in a real headless Chromium, the XLSX read back with POI. */
@QuarkusTest
class EvaluasiExportTest {

    static String opd;

    @BeforeEach
    void publish() {
        if (opd != null) {
            return;
        }
        String o = Events.workedExample();
        given().contentType("application/json").body("""
                {"faktorPendorong": "Pendampingan intensif dari Bappeda", "faktorPenghambat": "Pengadaan <script>alert(1)</script> terlambat",
                 "tindakLanjutTriwulan": "Mempercepat pengadaan pada triwulan III", "tindakLanjutRenja": "Menyesuaikan jadwal dalam Renja 2025"}""")
                .put("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja/2/catatan", o).then().statusCode(200);
        // An admin may sign as prepared (no owner is involved until DIEVALUASI).
        given().contentType("application/json").body("{\"status\": \"DISUSUN\"}")
                .put("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja/2/status", o).then().statusCode(200)
                .body("status", equalTo("DISUSUN")).body("disusun.nama", equalTo("Dev admin"));
        opd = o;
    }

    static String chromium() throws Exception {
        Process p = new ProcessBuilder(LocalInfrastructure.root().resolve("deploy/local/chromium.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("deploy/local/chromium.sh found no browser").isZero();
        return out.lines().reduce((a, b) -> b).orElseThrow();
    }

    /** The DOM as the browser built it from the saved page. */
    static String dumpDom(Path page) throws Exception {
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile").toAbsolutePath();
        Process p = new ProcessBuilder(chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString())
                .redirectError(Path.of("target", "chromium.log").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        return dom;
    }

    static List<String> cells(String rowHtml, String tag) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<" + tag + "[^>]*>(.*?)</" + tag + ">", Pattern.DOTALL).matcher(rowHtml);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    static String row(String dom, String cls) {
        Matcher m = Pattern.compile("<tr class=\"" + cls + "\">(.*?)</tr>", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("row " + cls).isTrue();
        return m.group(1);
    }

    @Test
    void theHtmlFormInARealBrowser() throws Exception {
        var r = given().queryParam("triwulan", 2).queryParam("format", "html")
                .get("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja", opd).then().statusCode(200)
                .contentType(startsWith("text/html")).header("Content-Security-Policy", Answers.CSP)
                .header("X-Content-Type-Options", "nosniff").extract();
        Path page = Path.of("target", "evaluasi-renja-" + opd + ".html").toAbsolutePath();
        Files.write(page, r.asByteArray());

        String dom = dumpDom(page);
        assertThat(dom).contains("Formulir E.81").contains("Triwulan II").contains(opd).contains("Tahun 2024");
        // Columns numbered 1–16 (5–15 each over its K and Rp half).
        List<String> numbers = cells(row(dom, "nomor"), "th");
        assertThat(numbers).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16");
        List<String> halves = cells(row(dom, "kr"), "th");
        assertThat(halves).hasSize(22);
        for (int i = 0; i < 22; i += 2) {
            assertThat(halves.get(i)).isEqualTo("K");
            assertThat(halves.get(i + 1)).isEqualTo("Rp");
        }
        // The sub kegiatan's first line: K and Rp of the worked example in Indonesian form.
        List<String> sub = cells(row(dom, "sub"), "td");
        assertThat(sub).hasSize(27);
        assertThat(sub.get(2)).startsWith("2.08.02.2.01.0001 Advokasi Kebijakan");
        assertThat(sub.get(3)).isEqualTo("Jumlah dokumen (dokumen)");
        assertThat(sub.subList(4, 26)).containsExactly("60", "1.000.000.000", "40", "600.000.000", "12", "200.000.000",
                "2", "30.000.000", "5", "60.000.000", "-", "-", "-", "-", "7", "90.000.000", "58,33", "45,00", "47",
                "690.000.000", "78,33", "69,00");
        assertThat(sub.get(26)).isEqualTo(opd);
        assertThat(dom).contains("68,75").contains("61,11");
        // Footer: averages with predikat and the four texts (escaped, never run), then the signature blocks.
        assertThat(dom).contains("Rata-rata capaian kinerja (%)").contains("63,54 (predikat Rendah)")
                .contains("Rata-rata capaian anggaran (%)").contains("45,00 (predikat Sangat Rendah)")
                .contains("Pendampingan intensif dari Bappeda").contains("Pengadaan &lt;script&gt;alert(1)&lt;/script&gt; terlambat")
                .contains("Mempercepat pengadaan pada triwulan III").contains("Menyesuaikan jadwal dalam Renja 2025");
        assertThat(dom).doesNotContain("<script>");
        assertThat(dom).contains("<td class=\"disusun\">").contains("<td class=\"dievaluasi\">");
        String disusun = dom.substring(dom.indexOf("<td class=\"disusun\">"), dom.indexOf("<td class=\"dievaluasi\">"));
        assertThat(disusun).contains("Disusun").contains("Kepala " + opd).contains("Dev admin");
        String dievaluasi = dom.substring(dom.indexOf("<td class=\"dievaluasi\">"));
        assertThat(dievaluasi).contains("Dievaluasi").contains("Kepala Bappeda").contains("(belum ditandatangani)");
        assertThat(dom).contains("Status: DISUSUN");
    }

    @Test
    void acceptNegotiatesTheForm() {
        given().accept("text/html").queryParam("triwulan", 2).get("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja", opd)
                .then().statusCode(200).contentType(startsWith("text/html"));
        given().accept("text/csv").queryParam("triwulan", 2).get("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja", opd)
                .then().statusCode(406);
    }

    @Test
    void theXlsxFormHasNumericCells() throws Exception {
        byte[] xlsx = given().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").queryParam("triwulan", 2)
                .get("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja", opd).then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment; filename=")).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            Row numbers = s.getRow(EvaluasiXlsx.NUMBER_ROW);
            assertThat(numbers.getCell(0).getStringCellValue()).isEqualTo("1");
            assertThat(numbers.getCell(4).getStringCellValue()).isEqualTo("5");
            assertThat(numbers.getCell(24).getStringCellValue()).isEqualTo("15");
            assertThat(numbers.getCell(26).getStringCellValue()).isEqualTo("16");
            assertThat(s.getRow(EvaluasiXlsx.KR_ROW).getCell(4).getStringCellValue()).isEqualTo("K");
            assertThat(s.getRow(EvaluasiXlsx.KR_ROW).getCell(5).getStringCellValue()).isEqualTo("Rp");
            // Lines: program, kegiatan, then the sub kegiatan's two indicators.
            Row first = s.getRow(EvaluasiXlsx.FIRST_DATA_ROW + 2);
            assertThat(first.getCell(2).getStringCellValue()).startsWith("2.08.02.2.01.0001");
            double[][] expected = {{4, 60}, {5, 1_000_000_000}, {6, 40}, {7, 600_000_000}, {8, 12}, {9, 200_000_000},
                {10, 2}, {11, 30_000_000}, {12, 5}, {13, 60_000_000}, {18, 7}, {19, 90_000_000}, {20, 58.33}, {21, 45.00},
                {22, 47}, {23, 690_000_000}, {24, 78.33}, {25, 69.00}};
            for (double[] e : expected) {
                Cell c = first.getCell((int) e[0]);
                assertThat(c.getCellType()).as("column %d", (int) e[0]).isEqualTo(CellType.NUMERIC);
                assertThat(c.getNumericCellValue()).as("column %d", (int) e[0]).isEqualTo(e[1]);
            }
            assertThat(first.getCell(14).getStringCellValue()).isEqualTo("-");
            Row second = s.getRow(EvaluasiXlsx.FIRST_DATA_ROW + 3);
            double[][] persentase = {{4, 90}, {6, 70}, {8, 80}, {10, 40}, {12, 55}, {18, 55}, {20, 68.75}, {22, 55}, {24, 61.11}};
            for (double[] e : persentase) {
                Cell c = second.getCell((int) e[0]);
                assertThat(c.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(c.getNumericCellValue()).as("column %d", (int) e[0]).isEqualTo(e[1]);
            }
            assertThat(second.getCell(3).getStringCellValue()).isEqualTo("Persentase perangkat daerah yang responsif gender (%)");
        }
    }
}
