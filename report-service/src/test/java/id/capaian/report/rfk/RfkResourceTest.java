package id.capaian.report.rfk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import id.capaian.report.readmodel.ReadModel;
import id.capaian.report.kunci.PaguTerkunci;
import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The RFK over the real broker and database: the owners' events (schema v2 with paguMurni and the cash plan,
 * and v1 without them; progress events) reach the read model, and the report reproduces shared/RFK.md.
 */
@QuarkusTest
class RfkResourceTest {

    static final String A = "2.08.02.2.01.0001";
    static final String B = "2.08.02.2.01.0002";

    @Inject ReadModel readModel;
    @Inject PaguTerkunci paguTerkunci;
    @Inject DataSource ds;

    static String opd(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static String rak(String... amounts) {
        return "[" + String.join(",", amounts) + "]";
    }

    static String monthly(String field, Map<Integer, String> values) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "{\"bulan\":" + e.getKey() + ",\"" + field + "\":" + e.getValue() + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** A budget.realization-updated event; {@code murni} and {@code rak} null give a first-version event. */
    static String budget(String pemda, String opd, String kode, long version, String murni, String pagu, String rak,
            Map<Integer, String> realisasi) {
        String v2 = murni == null ? "" : ",\"paguMurni\":" + murni + ",\"rak\":" + rak + ",\"renstra\":null";
        return """
                {"specversion":"1.0","id":"%s","source":"budget-service","type":"budget.realization-updated",
                 "time":"%s","subject":"%s/2024/%s/%s","datacontenttype":"application/json",%s"version":%d,
                 "data":{"pemda":"%s","tahun":2024,"opd":"%s","kode":"%s","uraian":"Sub %s",
                         "kegiatan":{"kode":"2.08.02.2.01","uraian":"Kegiatan PUG"},
                         "program":{"kode":"2.08.02","uraian":"Program PUG"},
                         "pagu":%s,"realisasi":0.00,"bulan":null,"bulanan":%s,"removed":false%s}}"""
                .formatted(UUID.randomUUID(), Instant.now(), pemda, opd, kode,
                        murni == null ? "" : "\"dataschema\":\"https://capaian.id/schemas/budget.realization-updated.v2.schema.json\",",
                        version, pemda, opd, kode, kode, pagu, monthly("jumlah", realisasi), v2);
    }

    static String progres(String pemda, String opd, String kode, long version, Map<Integer, String> persen) {
        return """
                {"specversion":"1.0","id":"%s","source":"indicator-service","type":"indicator.progres-updated",
                 "time":"%s","subject":"%s/2024/%s/%s/progres","datacontenttype":"application/json","version":%d,
                 "data":{"pemda":"%s","tahun":2024,"opd":"%s","kode":"%s","bulanan":%s,"removed":false}}"""
                .formatted(UUID.randomUUID(), Instant.now(), pemda, opd, kode, version, pemda, opd, kode,
                        monthly("persen", persen));
    }

    static void send(String pemda, String opd, String subjectTail, long version, String event) {
        String subject = pemda + "/2024/" + opd + "/" + subjectTail;
        TopicProbe.send("realization-updated", subject, event);
    }

    void awaitApplied(String pemda, String opd, String subjectTail, long version) {
        String subject = pemda + "/2024/" + opd + "/" + subjectTail;
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(subject) >= version);
    }

    static final String RAK_A = rak("10000000.00", "10000000.00", "10000000.00", "10000000.00", "10000000.00",
            "10000000.00", "10000000.00", "10000000.00", "10000000.00", "10000000.00", "0.00", "0.00");
    static final String RAK_B = rak(java.util.Collections.nCopies(12, "25000000.00").toArray(String[]::new));

    /** The worked example of shared/RFK.md: A and B with their plans, spending and progress, as of June. */
    String workedExample(String pemda) {
        String opd = opd("RFK");
        send(pemda, opd, A, 1, budget(pemda, opd, A, 1, "120000000.00", "100000000.00", RAK_A,
                Map.of(3, "20000000.00", 6, "45000000.00")));
        send(pemda, opd, B, 1, budget(pemda, opd, B, 1, "300000000.00", "300000000.00", RAK_B,
                Map.of(5, "165000000.00")));
        send(pemda, opd, A + "/progres", 1, progres(pemda, opd, A, 1, Map.of(4, "30", 6, "50")));
        send(pemda, opd, B + "/progres", 1, progres(pemda, opd, B, 1, Map.of(6, "60")));
        awaitApplied(pemda, opd, A, 1);
        awaitApplied(pemda, opd, B, 1);
        awaitApplied(pemda, opd, A + "/progres", 1);
        awaitApplied(pemda, opd, B + "/progres", 1);
        return opd;
    }

    @Test
    void theWorkedExampleAsOfJuneThroughTheWholeEventPath() {
        String opd = workedExample("63.10");
        JsonPath j = given().get("/api/v1/reports/63.10/2024/{opd}/rfk?bulan=6", opd)
                .then().statusCode(200).extract().jsonPath();
        assertThat(j.getList("rows.kode")).containsExactly("2.08.02", "2.08.02.2.01", A, B);
        assertThat(j.getString("status")).isEqualTo("DRAFT");
        // A: rencana 60 jt (60,00 %), realisasi 45,00 %, deviasi 15 jt (25,00 %), fisik 50, bobot 25
        assertRow(j, 2, "120000000.00", "100000000.00", "25.00", "60000000.00", "60.00", "45000000.00", "45.00", "50.00",
                "15000000.00", "25.00");
        // B: realisasi reported in May only carries to June; deviasi negative
        assertRow(j, 3, "300000000.00", "300000000.00", "75.00", "150000000.00", "50.00", "165000000.00", "55.00", "60.00",
                "-15000000.00", "-10.00");
        assertRow(j, 1, "420000000.00", "400000000.00", "100.00", "210000000.00", "52.50", "210000000.00", "52.50",
                "57.50", "0.00", "0.00");
        assertThat(j.getString("total.fisik")).isEqualTo("57.5");
        assertThat(j.getString("rows[1].uraian")).isEqualTo("Kegiatan PUG");

        // as of March: A spent 20 jt of a 30 jt plan, no progress reported yet (null, weighted as 0)
        JsonPath march = given().get("/api/v1/reports/63.10/2024/{opd}/rfk?bulan=3", opd)
                .then().statusCode(200).extract().jsonPath();
        assertThat(march.getString("rows[2].rencana.jumlah")).isEqualTo("3.0E7");
        assertThat(march.getString("rows[2].realisasi.persen")).isEqualTo("20.0");
        assertThat(march.<Object>get("rows[2].fisik")).isNull();
        assertThat(march.<Object>get("rows[1].fisik")).isEqualTo(0.0f);
        assertThat(march.getString("rows[3].realisasi.jumlah")).isEqualTo("0.0");
    }

    static void assertRow(JsonPath j, int i, String murni, String pagu, String bobot, String rencana, String rencanaPct,
            String realisasi, String realisasiPct, String fisik, String deviasi, String deviasiPct) {
        String r = "rows[" + i + "].";
        assertThat(new java.math.BigDecimal(j.getString(r + "paguMurni"))).isEqualByComparingTo(murni);
        assertThat(new java.math.BigDecimal(j.getString(r + "pagu"))).isEqualByComparingTo(pagu);
        assertThat(new java.math.BigDecimal(j.getString(r + "bobot"))).isEqualByComparingTo(bobot);
        assertThat(new java.math.BigDecimal(j.getString(r + "rencana.jumlah"))).isEqualByComparingTo(rencana);
        assertThat(new java.math.BigDecimal(j.getString(r + "rencana.persen"))).isEqualByComparingTo(rencanaPct);
        assertThat(new java.math.BigDecimal(j.getString(r + "realisasi.jumlah"))).isEqualByComparingTo(realisasi);
        assertThat(new java.math.BigDecimal(j.getString(r + "realisasi.persen"))).isEqualByComparingTo(realisasiPct);
        assertThat(new java.math.BigDecimal(j.getString(r + "fisik"))).isEqualByComparingTo(fisik);
        assertThat(new java.math.BigDecimal(j.getString(r + "deviasi.jumlah"))).isEqualByComparingTo(deviasi);
        assertThat(new java.math.BigDecimal(j.getString(r + "deviasi.persen"))).isEqualByComparingTo(deviasiPct);
    }

    @Test
    void anOldEventWithoutMurniOrPlanIsStillAppliedAndAnAmendmentKeepsMurni() {
        String opd = opd("OLD");
        send("63.10", opd, A, 1, budget("63.10", opd, A, 1, null, "500.00", null, Map.of(2, "100.00")));
        awaitApplied("63.10", opd, A, 1);
        JsonPath j = given().get("/api/v1/reports/63.10/2024/{opd}/rfk?bulan=2", opd).then().statusCode(200)
                .extract().jsonPath();
        assertThat(j.getString("rows[2].paguMurni")).isEqualTo("500.0");
        assertThat(j.getString("rows[2].rencana.jumlah")).isEqualTo("0.0");
        assertThat(j.<Object>get("rows[2].deviasi.persen")).isNull();
        // the amendment (APBD-P): a v2 event raises the ceiling in force; murni stays
        send("63.10", opd, A, 2, budget("63.10", opd, A, 2, "500.00", "800.00",
                rak("100", "100", "100", "100", "100", "100", "100", "100", "0", "0", "0", "0"), Map.of(2, "100.00")));
        awaitApplied("63.10", opd, A, 2);
        j = given().get("/api/v1/reports/63.10/2024/{opd}/rfk?bulan=2", opd).then().statusCode(200).extract().jsonPath();
        assertThat(j.getString("rows[2].paguMurni")).isEqualTo("500.0");
        assertThat(j.getString("rows[2].pagu")).isEqualTo("800.0");
        assertThat(j.getString("rows[2].realisasi.persen")).isEqualTo("12.5");
        // the capaian table shows both ceilings
        given().get("/api/v1/reports/63.10/2024/{opd}/capaian?urusan=2.08", opd).then().statusCode(200)
                .body("rows[2].anggaran.paguMurni", equalTo(500.0f)).body("rows[2].anggaran.pagu", equalTo(800.0f))
                .body("total.anggaran.paguMurni", equalTo(500.0f));
    }

    @Test
    void everyOpdOfAPemdaRankedByProgressThenSpendingThenCode() {
        String pemda = "63.97";
        List<String> opds = new ArrayList<>();
        // OPD1: fisik 50, realisasi 50 %; OPD2: same fisik, realisasi 60 %; OPD3: tie with OPD1; OPD4: fisik 70
        String[][] cases = {{"Q1", "50", "50.00"}, {"Q2", "50", "60.00"}, {"Q0", "50", "50.00"}, {"Q4", "70", "0.00"}};
        for (String[] c : cases) {
            String opd = c[0];
            opds.add(opd);
            send(pemda, opd, A, 1, budget(pemda, opd, A, 1, "100.00", "100.00", RAK_A, Map.of(1, c[2])));
            send(pemda, opd, A + "/progres", 1, progres(pemda, opd, A, 1, Map.of(1, c[1])));
        }
        for (String opd : opds) {
            awaitApplied(pemda, opd, A, 1);
            awaitApplied(pemda, opd, A + "/progres", 1);
        }
        JsonPath j = given().get("/api/v1/reports/63.97/2024/rfk?bulan=1").then().statusCode(200).extract().jsonPath();
        assertThat(j.getList("opd.opd")).containsExactly("Q4", "Q2", "Q0", "Q1");
        assertThat(j.getList("opd.peringkat")).containsExactly(1, 2, 3, 4);
        assertThat(j.getString("total.pagu")).isEqualTo("400.0");
        assertThat(j.getString("total.fisik")).isEqualTo("55.0");
        String csv = given().get("/api/v1/reports/63.97/2024/rfk?bulan=1&format=csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv).contains("Peringkat;OPD;Status").contains("1;Q4;DRAFT;100;100;");
    }

    @Test
    void theFormsCarryTheSameNumbers() throws Exception {
        String opd = workedExample("63.10");
        String csv = given().get("/api/v1/reports/63.10/2024/{opd}/rfk?bulan=6&format=csv", opd).then().statusCode(200)
                .header("Content-Disposition", containsString("rfk-63.10-2024-" + opd + "-bulan-6.csv"))
                .extract().asString();
        assertThat(csv).startsWith("\uFEFFNo;Kode;").contains(";" + A + ";Sub " + A + ";120.000.000;100.000.000;25;60.000.000;60;"
                + "45.000.000;45;50;15.000.000;25\r\n").contains(";" + B + ";").contains("-15.000.000;-10\r\n")
                .contains("Status: DRAFT");
        String html = given().accept("text/html").get("/api/v1/reports/63.10/2024/{opd}/rfk?bulan=6", opd).then()
                .statusCode(200).header("Content-Security-Policy", containsString("default-src 'none'")).extract().asString();
        assertThat(html).contains("<h1>Laporan Realisasi Fisik dan Keuangan (RFK) OPD " + opd + " TA 2024</h1>")
                .contains("akhir bulan Juni 2024").contains("<td class=\"n\">57,5</td>");
        byte[] xlsx = given().get("/api/v1/reports/63.10/2024/{opd}/rfk?bulan=6&format=xlsx", opd).then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = wb.getSheetAt(0);
            var row = s.getRow(7); // 3 title lines, a blank, the header, program, kegiatan, then A
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(A);
            assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(100000000.0);
            assertThat(row.getCell(12).getNumericCellValue()).isEqualTo(25.0);
        }
    }

    @Test
    void badParametersAre400AndAnUnknownOpdIs404() {
        given().get("/api/v1/reports/63.10/2024/P3AP2KB/rfk?bulan=13").then().statusCode(400)
                .body("errors[0].field", equalTo("bulan"));
        given().get("/api/v1/reports/63.10/2024/P3AP2KB/rfk?bulan=enam").then().statusCode(400)
                .body("errors[0].field", equalTo("bulan"));
        given().get("/api/v1/reports/63.10/2024/P3AP2KB/rfk?format=pdf").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().get("/api/v1/reports/63.10/2024/NOSUCHOPD/rfk?bulan=1").then().statusCode(404)
                .body("type", equalTo("/problems/tidak-ditemukan"));
        given().get("/api/v1/reports/63.96/2024/rfk?bulan=1").then().statusCode(404).body("detail", containsString("63.96"));
    }

    @Test
    void theAuditFlagsAPlanOffTheCeilingProgressGoingDownSpendingAheadOfPlanAndACeilingChangedAfterTheLock() {
        String pemda = "63.95";
        String opd = opd("AUD");
        // plan sums to 90 of a pagu of 100; spending 40 in March against a plan of 30 (> 10 % ahead)
        send(pemda, opd, A, 1, budget(pemda, opd, A, 1, "100.00", "100.00",
                rak("10", "10", "10", "10", "10", "10", "10", "10", "10", "0", "0", "0"), Map.of(3, "40.00")));
        // spending 32 in March against 30: within 10 %, and a plan that sums to its pagu
        send(pemda, opd, B, 1, budget(pemda, opd, B, 1, "120.00", "120.00",
                rak("10", "10", "10", "10", "10", "10", "10", "10", "10", "10", "10", "10"), Map.of(3, "32.00")));
        send(pemda, opd, A + "/progres", 1, progres(pemda, opd, A, 1, Map.of(4, "40", 5, "35")));
        awaitApplied(pemda, opd, A, 1);
        awaitApplied(pemda, opd, B, 1);
        awaitApplied(pemda, opd, A + "/progres", 1);
        paguTerkunci.record(pemda, 2024, null); // what report-service does when the year is locked
        send(pemda, opd, B, 2, budget(pemda, opd, B, 2, "120.00", "150.00",
                rak("10", "10", "10", "10", "10", "10", "10", "10", "10", "10", "10", "10"), Map.of(3, "32.00")));
        awaitApplied(pemda, opd, B, 2);
        JsonPath j = given().get("/api/v1/reports/63.95/2024/audit").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> temuan = j.getList("temuan");
        assertThat(temuan).filteredOn(t -> t.get("kode").equals(A)).extracting(t -> t.get("jenis"))
                .contains("RAK_TIDAK_SAMA_PAGU", "REALISASI_DI_ATAS_RENCANA", "PROGRES_FISIK_TURUN")
                .doesNotContain("PAGU_BERUBAH_SETELAH_KUNCI");
        assertThat(temuan).filteredOn(t -> t.get("kode").equals(B)).extracting(t -> t.get("jenis"))
                .contains("PAGU_BERUBAH_SETELAH_KUNCI", "RAK_TIDAK_SAMA_PAGU") // 120 planned, 150 in force
                .doesNotContain("REALISASI_DI_ATAS_RENCANA", "PROGRES_FISIK_TURUN");
        Map<String, Object> ahead = temuan.stream().filter(t -> t.get("kode").equals(A)
                && t.get("jenis").equals("REALISASI_DI_ATAS_RENCANA")).findFirst().orElseThrow();
        assertThat((String) ahead.get("keterangan")).contains("bulan 3");
        assertThat(ahead.get("diharapkan")).isEqualTo(30.0f);
        assertThat(ahead.get("tercatat")).isEqualTo(40.0f);
        Map<String, Object> changed = temuan.stream().filter(t -> t.get("jenis").equals("PAGU_BERUBAH_SETELAH_KUNCI"))
                .findFirst().orElseThrow();
        assertThat(changed.get("diharapkan")).isEqualTo(120.0f);
        assertThat(changed.get("tercatat")).isEqualTo(150.0f);
        Map<String, Object> down = temuan.stream().filter(t -> t.get("jenis").equals("PROGRES_FISIK_TURUN"))
                .findFirst().orElseThrow();
        assertThat((String) down.get("keterangan")).contains("bulan 5 (35%)").contains("(40%)");
    }

    @Test
    void aCashPlanOfElevenAmountsIsAPoisonEventNotAReport() {
        String opd = opd("BAD");
        String bad = budget("63.10", opd, A, 1, "100.00", "100.00", rak("1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
                "11"), Map.of());
        String good = budget("63.10", opd, B, 1, "100.00", "100.00", RAK_A, Map.of());
        try (TopicProbe dlq = TopicProbe.open("realization-updated-dlq")) {
            send("63.10", opd, A, 1, bad);
            send("63.10", opd, B, 1, good);
            awaitApplied("63.10", opd, B, 1);
            var records = dlq.awaitRecord(r -> ("63.10/2024/" + opd + "/" + A).equals(r.key()), Duration.ofSeconds(30));
            assertThat(records).anySatisfy(r -> assertThat(new String(r.headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8)).contains("rak must be an array of 12"));
        }
        assertThat(readModel.version("63.10/2024/" + opd + "/" + A)).isZero();
        given().get("/api/v1/reports/63.10/2024/{opd}/rfk?bulan=1", opd).then().statusCode(200)
                .body("rows.kode", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(A)))
                .body("rows[0].fisik", equalTo(0.0f));
    }

    /** A lock row as YearLocks writes it (opd '' locks the whole year); the owners need not be running to read it. */
    void lock(String pemda, String opd, String alasan) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO year_lock (pemda, tahun, opd, alasan, oleh, nama, sejak)
                VALUES (?, 2024, ?, ?, ?, 'Penguji', timestamptz '2030-03-31 02:00:00+00')""")) {
            s.setString(1, pemda);
            s.setString(2, opd);
            s.setString(3, alasan);
            s.setString(4, opd.isEmpty() ? "verifikator-tahun" : "verifikator-" + opd);
            s.executeUpdate();
        }
    }

    void unlockAll(String pemda) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM year_lock WHERE pemda = ? AND tahun = 2024")) {
            s.setString(1, pemda);
            s.executeUpdate();
        }
    }

    /** One sub kegiatan of an OPD, spending {@code realisasi} of 100 in January, with progress. */
    void oneSub(String pemda, String opd, String realisasi, String fisik) {
        send(pemda, opd, A, 1, budget(pemda, opd, A, 1, "100.00", "100.00", RAK_A, Map.of(1, realisasi)));
        send(pemda, opd, A + "/progres", 1, progres(pemda, opd, A, 1, Map.of(1, fisik)));
        awaitApplied(pemda, opd, A, 1);
        awaitApplied(pemda, opd, A + "/progres", 1);
    }

    @Test
    void anOpdsLockMakesItsRfkFinalWithTheLockAnotherOpdsLockDoesNotAndTheYearsComesFirst() throws Exception {
        String pemda = "63.93";
        String locked = opd("KNC");
        String other = opd("LAN");
        oneSub(pemda, locked, "40.00", "30");
        oneSub(pemda, other, "20.00", "10");
        String rfk = "/api/v1/reports/63.93/2024/{opd}/rfk?bulan=1";
        try {
            lock(pemda, locked, "LKPJ 2024");
            JsonPath j = given().get(rfk, locked).then().statusCode(200).extract().jsonPath();
            assertThat(j.getString("status")).isEqualTo("FINAL");
            assertThat(j.getString("kunci.pemda")).isEqualTo(pemda);
            assertThat(j.getInt("kunci.tahun")).isEqualTo(2024);
            assertThat(j.getString("kunci.opd")).isEqualTo(locked);
            assertThat(j.getString("kunci.alasan")).isEqualTo("LKPJ 2024");
            assertThat(j.getString("kunci.oleh")).isEqualTo("verifikator-" + locked);
            assertThat(j.getString("kunci.nama")).isEqualTo("Penguji");
            assertThat(j.getString("kunci.sejak")).isEqualTo("2030-03-31T02:00:00Z");
            assertThat(j.getString("total.realisasi.jumlah")).isEqualTo("40.0");
            JsonPath o = given().get(rfk, other).then().statusCode(200).extract().jsonPath();
            assertThat(o.getString("status")).isEqualTo("DRAFT");
            assertThat(o.getMap("kunci")).isNull();

            lock(pemda, "", null);
            o = given().get(rfk, other).then().statusCode(200).extract().jsonPath();
            assertThat(o.getString("status")).isEqualTo("FINAL");
            assertThat(o.getString("kunci.opd")).isNull();
            assertThat(o.getString("kunci.oleh")).isEqualTo("verifikator-tahun");
            j = given().get(rfk, locked).then().statusCode(200).extract().jsonPath();
            assertThat(j.getString("kunci.opd")).as("the year's lock before the OPD's").isNull();
        } finally {
            unlockAll(pemda);
        }
        given().get(rfk, locked).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void thePemdaRankingShowsWhichOpdsAreLocked() throws Exception {
        String pemda = "63.92";
        oneSub(pemda, "L1", "50.00", "80");
        oneSub(pemda, "L2", "50.00", "60");
        String ranking = "/api/v1/reports/63.92/2024/rfk?bulan=1";
        try {
            unlockAll(pemda);
            JsonPath j = given().get(ranking).then().statusCode(200).extract().jsonPath();
            assertThat(j.getList("opd.opd")).containsExactly("L1", "L2");
            assertThat(j.getList("opd.status")).containsExactly("DRAFT", "DRAFT");

            lock(pemda, "L2", "opd");
            lock(pemda, "ZZ", "lain"); // an OPD without sub kegiatan: locked, not in the ranking
            j = given().get(ranking).then().statusCode(200).extract().jsonPath();
            assertThat(j.getList("opd.opd")).containsExactly("L1", "L2");
            assertThat(j.getList("opd.status")).containsExactly("DRAFT", "FINAL");
            String csv = given().get(ranking + "&format=csv").then().statusCode(200).extract().asString();
            assertThat(csv).contains("1;L1;DRAFT;").contains("2;L2;FINAL;");

            lock(pemda, "", null);
            j = given().get(ranking).then().statusCode(200).extract().jsonPath();
            assertThat(j.getList("opd.status")).containsExactly("FINAL", "FINAL");
        } finally {
            unlockAll(pemda);
        }
    }
}
