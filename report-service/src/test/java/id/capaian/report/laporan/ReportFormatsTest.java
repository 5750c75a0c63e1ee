package id.capaian.report.laporan;

import id.capaian.report.laporan.Analisis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Content negotiation of the table and the analysis over HTTP, on data fed through the real topic: the
 * Accept header, the format parameter that overrides it, 400 for an unknown format, 406 for an Accept
 * that nothing satisfies, and the attachment names.
 */
@QuarkusTest
class ReportFormatsTest {

    static final String OPD = "FMT" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    static final String BASE = "/api/v1/reports/63.10/2024/" + OPD;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SCRIPT = "<script>alert(1)</script>";
    static boolean fed;

    static String budget(String kode, String uraian, String pagu, String realisasi) {
        String subject = "63.10/2024/" + OPD + "/" + kode;
        return """
                {"specversion":"1.0","id":"%s","source":"budget-service","type":"budget.realization-updated",
                 "time":"%s","subject":"%s","datacontenttype":"application/json","version":1,
                 "data":{"pemda":"63.10","tahun":2024,"opd":"%s","kode":"%s","uraian":"%s",
                         "kegiatan":{"kode":"%s","uraian":"Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota"},
                         "program":{"kode":"%s","uraian":"Program Pengarusutamaan Gender dan Pemberdayaan Perempuan"},
                         "pagu":%s,"realisasi":%s,"bulan":12,"bulanan":[{"bulan":12,"jumlah":%s}],"removed":false}}"""
                .formatted(UUID.randomUUID(), Instant.now(), subject, OPD, kode, uraian, kode.substring(0, 12),
                        kode.substring(0, 7), pagu, realisasi, realisasi);
    }

    static String indicator(String kode, String nama, String satuan, String target, String realisasi) {
        String subject = "63.10/2024/" + OPD + "/" + kode + "/1";
        return """
                {"specversion":"1.0","id":"%s","source":"indicator-service","type":"indicator.realization-updated",
                 "time":"%s","subject":"%s","datacontenttype":"application/json","version":1,
                 "data":{"pemda":"63.10","tahun":2024,"opd":"%s","kode":"%s","nomor":1,"nama":"%s","satuan":"%s",
                         "polaritas":"positif","rumus":null,"target":%s,"realisasi":%s,"bulan":12,"capaian":null,
                         "predikat":null,"bulanan":[{"bulan":12,"nilai":%s}],"removed":false}}"""
                .formatted(UUID.randomUUID(), Instant.now(), subject, OPD, kode, nama, satuan, target, realisasi, realisasi);
    }

    static String subject(String kode) {
        return "63.10/2024/" + OPD + "/" + kode;
    }

    @BeforeEach
    void feed() {
        if (fed) {
            return;
        }
        TopicProbe.send("realization-updated", subject("2.08.02.2.01.0003"), budget("2.08.02.2.01.0003",
                "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG", "73810300.00", "55926300.00"));
        TopicProbe.send("realization-updated", subject("2.08.02.2.01.0004"), budget("2.08.02.2.01.0004",
                "Sosialisasi Kebijakan Pelaksanaan PUG termasuk PPRG", "11296600.00", "9996600.00"));
        TopicProbe.send("realization-updated", subject("2.08.02/1"), indicator("2.08.02",
                "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten", "%", "65", "27.54"));
        TopicProbe.send("realization-updated", subject("2.08.02.2.01.0003/1"), indicator("2.08.02.2.01.0003",
                "Jumlah Perangkat Daerah yang Mengikuti Advokasi", "perangkat daerah", "50", "50"));
        given().contentType("application/json").body("{\"permasalahan\": \"" + SCRIPT + "\"}")
                .put(BASE + "/anotasi/2.08.02").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response r = given().queryParam("urusan", "2.08").get(BASE + "/capaian");
            return r.statusCode() == 200
                    && new BigDecimal(r.jsonPath().getString("total.anggaran.realisasi")).compareTo(new BigDecimal("65922900")) == 0
                    && r.jsonPath().getList("rows.find { it.kode == '2.08.02' }.indikator").size() == 1
                    && r.jsonPath().getList("rows.find { it.kode == '2.08.02.2.01.0003' }.indikator").size() == 1;
        });
        fed = true;
    }

    @Test
    void jsonIsTheDefault() {
        given().queryParam("urusan", "2.08").get(BASE + "/capaian").then().statusCode(200).body("status", equalTo("DRAFT"))
                .contentType(startsWith("application/json"))
                .header("Vary", containsString("Accept"))
                .body("total.anggaran.pagu", equalTo(85106900.00f))
                .body("rows.kode", org.hamcrest.Matchers.contains("2.08.02", "2.08.02.2.01", "2.08.02.2.01.0003",
                        "2.08.02.2.01.0004"))
                .body("rows[0].permasalahan", equalTo(SCRIPT));
        given().accept("text/html;q=0.5, application/json").queryParam("urusan", "2.08").get(BASE + "/capaian").then()
                .statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void csvByAcceptOrByFormatAsAnAttachment() {
        for (var req : new io.restassured.specification.RequestSpecification[] {
            given().accept("text/csv"), given().accept("application/json").queryParam("format", "csv")}) {
            Response r = req.queryParam("urusan", "2.08").get(BASE + "/capaian");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
            assertThat(r.header("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"capaian-63.10-2024-" + OPD + "-2.08.csv\"");
            byte[] body = r.asByteArray();
            assertThat(body[0]).isEqualTo((byte) 0xEF);
            String text = new String(body, StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            assertThat(lines).hasSize(1 + 4 + 1 + 1);
            assertThat(text).contains(";73.810.300;").contains(";55.926.300;").contains(";27,54;").contains(";42,37;");
            assertThat(lines.get(lines.size() - 2)).contains(";TOTAL;").contains(";85.106.900;").contains(";65.922.900;");
            assertThat(lines.get(lines.size() - 1)).contains(";Status: DRAFT (belum dikunci: angka masih dapat berubah);");
        }
    }

    @Test
    void xlsxByAcceptOpensInPoi() throws Exception {
        Response r = given().accept(XLSX).queryParam("urusan", "2.08").queryParam("bulan", "12").get(BASE + "/capaian");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo(XLSX);
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"capaian-63.10-2024-" + OPD + "-2.08.xlsx\"");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            XSSFSheet s = wb.getSheetAt(0);
            var total = s.getRow(s.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("TOTAL");
            assertThat(total.getCell(8).getNumericCellValue()).isEqualTo(85106900d);
            assertThat(total.getCell(10).getNumericCellValue()).isEqualTo(65922900d);
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
        }
        Response june = given().queryParam("format", "xlsx").queryParam("urusan", "2.08").queryParam("bulan", "6")
                .get(BASE + "/capaian");
        assertThat(june.header("Content-Disposition")).endsWith("-2.08-bulan-6.xlsx\"");
    }

    @Test
    void htmlByAcceptOrFormatIsEscapedAndLockedDown() {
        for (var req : new io.restassured.specification.RequestSpecification[] {
            given().accept("text/html,application/xhtml+xml,*/*;q=0.8"), given().queryParam("format", "HTML")}) {
            Response r = req.queryParam("urusan", "2.08").get(BASE + "/capaian");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'");
            String html = r.asString();
            assertThat(html).contains("<td class=\"n\">85.106.900</td>").contains("<td class=\"n\">65.922.900</td>")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT)
                    .contains("pada OPD " + OPD + " TA 2024").contains("(bulan 12)");
        }
    }

    @Test
    void unknownFormatIs400AndUnsatisfiableAcceptIs406() {
        given().queryParam("urusan", "2.08").queryParam("format", "pdf").get(BASE + "/capaian").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("format"));
        given().accept("image/png").queryParam("urusan", "2.08").get(BASE + "/capaian").then().statusCode(406)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(406))
                .body("errors[0].field", equalTo("Accept"));
        given().accept("text/csv").queryParam("urusan", "2.08").get(BASE + "/analisis").then().statusCode(406)
                .contentType(startsWith("application/problem+json"));
        given().queryParam("format", "xlsx").queryParam("urusan", "2.08").get(BASE + "/analisis").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().queryParam("format", "csv").queryParam("urusan", "2.08").get("/api/v1/reports/63.10/2024/NOPE" + OPD + "/capaian")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void analysisAsJsonAndHtml() {
        given().queryParam("urusan", "2.08").get(BASE + "/analisis").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("opd", equalTo(OPD))
                .body("program[0].kode", equalTo("2.08.02"))
                .body("program[0].paragraf", containsString(
                        "Dari target sebesar 65% dengan realisasi 27,54% atau dengan tingkat capaian 42,37% (predikat Sangat Rendah)"))
                .body("program[0].paragraf", containsString("Anggaran program sebesar Rp 85.106.900 terealisasi Rp 65.922.900 atau 77,46%."))
                .body("program[0].kegiatan[0].paragraf", containsString("belum memiliki indikator kinerja"))
                .body("program[0].kegiatan[0].subKegiatan[0].paragraf", containsString(
                        "sebanyak 50 perangkat daerah dan terealisasi 50 perangkat daerah atau dengan tingkat capaian 100%."))
                .body("program[0].kegiatan[0].subKegiatan[1].paragraf", containsString("belum memiliki indikator kinerja"));
        Response html = given().accept("text/html").queryParam("urusan", "2.08").get(BASE + "/analisis");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.asString()).contains("<p class=\"program\">1. PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN");
    }

    @Test
    void openApiDescribesEveryFormAndEveryError() throws Exception {
        String yaml = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "report-formats-openapi.yaml"), yaml);
        var doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String capaian = "paths.'/api/v1/reports/{pemda}/{tahun}/{opd}/capaian'.get";
        assertThat(doc.getMap(capaian + ".responses.'200'.content")).containsOnlyKeys("application/json", "text/csv",
                XLSX, "text/html");
        for (String status : new String[] {"400", "404", "406"}) {
            assertThat(doc.getMap(capaian + ".responses.'" + status + "'.content")).containsOnlyKeys("application/problem+json");
        }
        assertThat(doc.getList(capaian + ".parameters.name", String.class)).contains("format", "urusan", "bulan")
                .doesNotContain("Accept");
        String analisis = "paths.'/api/v1/reports/{pemda}/{tahun}/{opd}/analisis'.get";
        assertThat(doc.getMap(analisis + ".responses.'200'.content")).containsOnlyKeys("application/json", "text/html");
        assertThat(doc.getMap(analisis + ".responses")).containsKeys("200", "400", "404", "406");
        assertThat(doc.getMap("components.schemas.Analisis.properties")).containsKeys("program", "urusan", "bulan");
    }
}
