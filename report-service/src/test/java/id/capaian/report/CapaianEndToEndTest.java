package id.capaian.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.capaian.core.domain.Angka;
import id.capaian.testing.LocalInfrastructure;
import id.capaian.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The whole suite: the seed's table imported through report-service into the real owners, carried by
 * Kafka into the read model, and read back exact to the rupiah; then a live change, a re-import that
 * changes nothing, and a rejected import that writes nothing anywhere. And the governance of the suite:
 * a year lock set through report-service holds in every owner and makes the report FINAL (and public,
 * as this deployment is configured) until it is unlocked with a reason; an import is its caller's.
 */
@QuarkusTest
@QuarkusTestResource(value = OwnerServices.class, restrictToAnnotatedClass = true)
@TestProfile(CapaianEndToEndTest.PublishedWhenLocked.class)
class CapaianEndToEndTest {

    /** This deployment publishes the reports of locked years (the owners are started for this class alone anyway). */
    public static class PublishedWhenLocked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("capaian.reports.public-when-locked", "true");
        }
    }

    static final String VERIFIKATOR = TestTokens.bearer(TestTokens.token("verifikator", "63.10", null));

    static final String FIXTURE = "capaian-2024-63.10-p3ap2kb-2.08.tsv";

    /** JsonPath reads numbers as floats by default: rupiah must stay exact. */
    static final io.restassured.path.json.config.JsonPathConfig EXACT = new io.restassured.path.json.config.JsonPathConfig(
            io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    static String fixture() throws IOException {
        return Files.readString(LocalInfrastructure.root().resolve("deploy/local/demo/" + FIXTURE), StandardCharsets.UTF_8);
    }

    /** kode → {pagu, realisasi} as the fixture states them. */
    static Map<String, BigDecimal[]> stated(String tsv) {
        Map<String, BigDecimal[]> m = new LinkedHashMap<>();
        for (String line : tsv.split("\n")) {
            String[] c = line.split("\t", -1);
            if (c[0].equals("kode") || line.isBlank()) {
                continue;
            }
            m.put(c[0], new BigDecimal[] {Angka.parse(c[6]), Angka.parse(c[8])});
        }
        return m;
    }

    static String url(String service) {
        return ConfigProvider.getConfig().getValue("capaian.services." + service, String.class);
    }

    static long outboxRows(String db, String opd) throws SQLException {
        String port = ConfigProvider.getConfig().getValue("capaian.db.port", String.class);
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db, db, "");
                var s = c.prepareStatement("SELECT count(*) FROM outbox WHERE subject LIKE ?")) {
            s.setString(1, "63.10/2024/" + opd + "/%");
            var r = s.executeQuery();
            r.next();
            return r.getLong(1);
        }
    }

    static JsonPath table(String opd) {
        return given().accept("application/json").queryParam("urusan", "2.08")
                .get("/api/v1/reports/63.10/2024/{opd}/capaian", opd).then().statusCode(200).extract().jsonPath(EXACT);
    }

    static boolean tableShows(String opd, String totalRealisasi) {
        var r = given().accept("application/json").queryParam("urusan", "2.08")
                .get("/api/v1/reports/63.10/2024/{opd}/capaian", opd);
        return r.statusCode() == 200 && r.jsonPath(EXACT).getList("rows").size() == 47
                && new BigDecimal(r.jsonPath(EXACT).getString("total.anggaran.realisasi")).compareTo(new BigDecimal(totalRealisasi)) == 0;
    }

    @Test
    void theSeedTableTravelsThroughTheSuiteExactToTheRupiah() throws Exception {
        String opd = "E2E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        String tsv = fixture();

        var imported = given().contentType("text/tab-separated-values").body(tsv)
                .post("/api/v1/imports/63.10/2024/{opd}/capaian", opd).then().statusCode(200).extract().jsonPath(EXACT);
        assertThat(imported.getInt("counts.program")).isEqualTo(6);
        assertThat(imported.getInt("counts.kegiatan")).isEqualTo(15);
        assertThat(imported.getInt("counts.subKegiatan")).isEqualTo(26);

        await().atMost(Duration.ofSeconds(60)).until(() -> tableShows(opd, "3214176245"));
        // Indicators travel on their own subjects (other partitions): await every realization.
        await().atMost(Duration.ofSeconds(60)).until(() -> table(opd).<Map<String, Object>>getList("rows").stream()
                .allMatch(r -> ((List<?>) r.get("indikator")).stream().allMatch(i -> ((Map<?, ?>) i).get("realisasi") != null)));
        JsonPath t = table(opd);
        assertThat(new BigDecimal(t.getString("total.anggaran.pagu"))).isEqualByComparingTo("3555368700");
        assertThat(new BigDecimal(t.getString("total.anggaran.realisasi"))).isEqualByComparingTo("3214176245");
        List<Map<String, Object>> rows = t.getList("rows");
        Map<String, BigDecimal[]> expected = stated(tsv);
        assertThat(rows).extracting(r -> (String) r.get("kode")).containsExactlyElementsOf(
                expected.keySet().stream().map(id.capaian.core.domain.Kode::of).sorted().map(Object::toString).toList());
        for (Map<String, Object> row : rows) {
            BigDecimal[] e = expected.get((String) row.get("kode"));
            @SuppressWarnings("unchecked")
            Map<String, Object> a = (Map<String, Object>) row.get("anggaran");
            assertThat(new BigDecimal(a.get("pagu").toString())).as("pagu of %s", row.get("kode")).isEqualByComparingTo(e[0]);
            assertThat(new BigDecimal(a.get("realisasi").toString())).as("realisasi of %s", row.get("kode")).isEqualByComparingTo(e[1]);
        }
        assertThat(capaianOf(rows, "2.08.02")).isEqualByComparingTo("42.37");
        assertThat(capaianOf(rows, "2.08.02.2.02")).isEqualByComparingTo("70.42");
        assertThat(capaianOf(rows, "2.08.04")).isEqualByComparingTo("147.43");
        Map<String, Object> zero = rows.stream().filter(r -> r.get("kode").equals("2.08.07.2.01.0091")).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) zero.get("anggaran")).get("capaian")).isNull();

        // A live change in the owner reaches the report's sums.
        given().contentType("application/json").body("{\"jumlah\": 60000000.00}")
                .put(url("budget") + "/api/v1/dpa/63.10/2024/{opd}/nodes/2.08.02.2.01.0003/realisasi/12", opd)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> tableShows(opd, "3218249945"));
        Map<String, Object> kegiatan = table(opd).<Map<String, Object>>getList("rows").stream()
                .filter(r -> r.get("kode").equals("2.08.02.2.01")).findFirst().orElseThrow();
        assertThat(new BigDecimal(((Map<?, ?>) kegiatan.get("anggaran")).get("realisasi").toString()))
                .isEqualByComparingTo("69996600");

        // Re-importing the same file changes nothing and publishes nothing... except undoing the live change.
        given().contentType("application/json").body("{\"jumlah\": 55926300.00}")
                .put(url("budget") + "/api/v1/dpa/63.10/2024/{opd}/nodes/2.08.02.2.01.0003/realisasi/12", opd)
                .then().statusCode(200);
        long budgetEvents = outboxRows("budget", opd);
        long indicatorEvents = outboxRows("indicator", opd);
        given().contentType("text/tab-separated-values").body(tsv)
                .post("/api/v1/imports/63.10/2024/{opd}/capaian", opd).then().statusCode(200);
        assertThat(outboxRows("budget", opd)).isEqualTo(budgetEvents);
        assertThat(outboxRows("indicator", opd)).isEqualTo(indicatorEvents);

        // The read model agrees with a recomputation from scratch.
        given().header("Authorization", TestTokens.bearer(TestTokens.platform())).get("/api/v1/read-model/check").then().statusCode(200).body("consistent", org.hamcrest.Matchers.is(true));
    }

    @jakarta.inject.Inject io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter spans;

    /** One trace from the PUT in budget-service, through its outbox and Kafka, to the report's update. */
    @Test
    void oneTraceSpansThePutTheEventAndTheReportUpdate() {
        String opd = "TRC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String base = url("budget") + "/api/v1/dpa/63.10/2024/" + opd;
        given().contentType("application/json").body("""
                [{"kode": "2.08.02", "uraian": "Program"}, {"kode": "2.08.02.2.01", "uraian": "Kegiatan"},
                 {"kode": "2.08.02.2.01.0001", "uraian": "Sub kegiatan", "pagu": 1000000.00}]""")
                .put(base + "/nodes").then().statusCode(200);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        given().header("traceparent", "00-" + traceId + "-" + "00f067aa0ba902b7" + "-01")
                .contentType("application/json").body("{\"jumlah\": 250000.00}")
                .put(base + "/nodes/2.08.02.2.01.0001/realisasi/3").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getTraceId().equals(traceId) && s.getName().contains("realization-updated")));
        var ours = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
        assertThat(ours).extracting(io.opentelemetry.sdk.trace.data.SpanData::getName)
                .anyMatch(n -> n.contains("realization-updated"));
    }

    @Test
    void aRejectedImportWritesNothingAnywhere() throws Exception {
        String opd = "BAD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String bad = fixture().replace("2.08.02\tProgram Pengarusutamaan Gender dan Pemberdayaan Perempuan\tPersentase Anggaran yang Responsif Gender (ARG) pada Kabupaten\t%\tpositif\t65\t1.538.412.800",
                "2.08.02\tProgram Pengarusutamaan Gender dan Pemberdayaan Perempuan\tPersentase Anggaran yang Responsif Gender (ARG) pada Kabupaten\t%\tpositif\t65\t1.538.412.801");
        assertThat(bad).isNotEqualTo(fixture());
        given().contentType("text/tab-separated-values").body(bad)
                .post("/api/v1/imports/63.10/2024/{opd}/capaian", opd)
                .then().statusCode(422).contentType("application/problem+json");
        assertThat(outboxRows("budget", opd)).isZero();
        assertThat(outboxRows("indicator", opd)).isZero();
        given().get(url("budget") + "/api/v1/dpa/63.10/2024/{opd}", opd).then().statusCode(404);
    }

    /**
     * A file that report-service's validator accepts but indicator-service refuses (a satuan over 100 characters, its
     * own rule) is judged by both owners' dry runs first: 422 naming indicator-service and the row, and nothing is
     * written, audited or published in either owner (budget-service would have accepted its part).
     */
    @Test
    void anOwnersOwnRuleFoundInTheDryRunWritesNothingInEitherOwner() throws Exception {
        String opd = "SAT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String satuan = "perangkat daerah " + "x".repeat(100);
        String bad = fixture().replaceFirst("\tperangkat daerah\t", "\t" + satuan + "\t");
        assertThat(bad).isNotEqualTo(fixture());
        given().contentType("text/tab-separated-values").body(bad)
                .post("/api/v1/imports/63.10/2024/{opd}/capaian", opd)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("/problems/impor-ditolak"))
                .body("title", org.hamcrest.Matchers.equalTo("Impor ditolak oleh indicator-service"))
                .body("detail", org.hamcrest.Matchers.containsString("Belum ada data yang ditulis"))
                .body("errors[0].field", org.hamcrest.Matchers.matchesPattern("indicator-service: nodes\\[\\d+\\]\\.indikator\\[0\\]\\.satuan"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("(baris "));
        assertThat(outboxRows("budget", opd)).isZero();
        assertThat(outboxRows("indicator", opd)).isZero();
        given().get(url("budget") + "/api/v1/dpa/63.10/2024/{opd}", opd).then().statusCode(404);
        given().get(url("indicator") + "/api/v1/indikator/63.10/2024/{opd}", opd).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
        for (String riwayat : List.of(url("budget") + "/api/v1/dpa/63.10/2024/riwayat",
                url("indicator") + "/api/v1/indikator/63.10/2024/riwayat")) {
            given().accept("application/json").queryParam("opd", opd).get(riwayat).then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(0));
        }
    }

    /** A small DPA of one sub kegiatan with one indicator, written straight into the owners, and its report awaited. */
    static void seed(String opd) {
        given().contentType("application/json").body("""
                [{"kode": "2.08.02", "uraian": "Program"}, {"kode": "2.08.02.2.01", "uraian": "Kegiatan"},
                 {"kode": "2.08.02.2.01.0001", "uraian": "Sub kegiatan", "pagu": 1000000.00}]""")
                .put(url("budget") + "/api/v1/dpa/63.10/2024/{opd}/nodes", opd).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("urusan", "2.08")
                .get("/api/v1/reports/63.10/2024/{opd}/capaian", opd).statusCode() == 200);
    }

    static io.restassured.response.Response lock(String opd, boolean terkunci, String alasan) {
        return given().header("Authorization", VERIFIKATOR).contentType("application/json")
                .body(Map.of("opd", opd, "terkunci", terkunci, "alasan", alasan))
                .put("/api/v1/reports/63.10/2024/kunci");
    }

    static int budgetWrite(String opd, String jumlah) {
        return given().contentType("application/json").body("{\"jumlah\": " + jumlah + "}")
                .put(url("budget") + "/api/v1/dpa/63.10/2024/{opd}/nodes/2.08.02.2.01.0001/realisasi/12", opd).statusCode();
    }

    static int indicatorWrite(String opd) {
        return given().contentType("application/json").body("""
                [{"kode": "2.08.02.2.01.0001", "indikator": [{"nama": "Jumlah dokumen", "satuan": "dokumen",
                  "polaritas": "positif", "target": 4}]}]""")
                .put(url("indicator") + "/api/v1/indikator/63.10/2024/{opd}/nodes", opd).statusCode();
    }

    static int annotate(String opd, String permasalahan) {
        return given().contentType("application/json").body(Map.of("permasalahan", permasalahan))
                .put("/api/v1/reports/63.10/2024/{opd}/anotasi/2.08.02", opd).statusCode();
    }

    /** The table as an anonymous reader gets it (no token at all). */
    static io.restassured.response.Response anonymous(String opd) {
        return given().noFilters().queryParam("urusan", "2.08").get("/api/v1/reports/63.10/2024/{opd}/capaian", opd);
    }

    @Test
    void aLockThroughTheReportFreezesEveryOwnerAndMakesTheReportFinalUntilUnlockedWithAReason() {
        String opd = "LCK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        seed(opd);
        assertThat(table(opd).getString("status")).isEqualTo("DRAFT");
        assertThat(anonymous(opd).statusCode()).as("a draft is never public").isEqualTo(401);

        lock(opd, true, "LKPJ 2024 disampaikan ke DPRD").then().statusCode(200)
                .body("opd", org.hamcrest.Matchers.hasItem(opd));
        // Every owner refuses writes to the locked OPD, and so does the report (annotations, imports).
        assertThat(budgetWrite(opd, "1.00")).isEqualTo(409);
        assertThat(indicatorWrite(opd)).isEqualTo(409);
        assertThat(annotate(opd, "terlambat")).isEqualTo(409);
        given().contentType("application/json").body(Map.of("permasalahan", "x"))
                .put("/api/v1/reports/63.10/2024/{opd}/anotasi/2.08.02", opd)
                .then().statusCode(409).body("type", org.hamcrest.Matchers.equalTo("/problems/tahun-terkunci"));
        given().contentType("text/tab-separated-values").body("kode\turaian\n")
                .post("/api/v1/imports/63.10/2024/{opd}/capaian", opd).then().statusCode(409);
        // Another OPD of the same year is not locked.
        String other = opd + "B";
        assertThat(budgetWrite(other, "1.00")).isEqualTo(404);

        JsonPath t = table(opd);
        assertThat(t.getString("status")).isEqualTo("FINAL");
        assertThat(t.getString("kunci.opd")).isEqualTo(opd);
        assertThat(t.getString("kunci.oleh")).isEqualTo("dev-verifikator");
        assertThat(t.getString("kunci.alasan")).isEqualTo("LKPJ 2024 disampaikan ke DPRD");
        assertThat(given().queryParam("urusan", "2.08").queryParam("format", "csv")
                .get("/api/v1/reports/63.10/2024/{opd}/capaian", opd).then().statusCode(200).extract().asString())
                .contains("Status: FINAL (OPD " + opd + " dikunci ").contains("oleh Dev verifikator: LKPJ 2024 disampaikan ke DPRD)");
        // This deployment publishes final reports: anyone may read them, and only them.
        var pub = anonymous(opd);
        assertThat(pub.statusCode()).isEqualTo(200);
        assertThat(pub.jsonPath().getString("status")).isEqualTo("FINAL");
        assertThat(given().noFilters().get("/api/v1/reports/63.10/2024/{opd}/anotasi/2.08.02", opd).statusCode())
                .as("only the table and the analysis are public").isEqualTo(401);
        assertThat(anonymous(other).statusCode()).isEqualTo(401);

        // Unlocking needs a reason; with one, writes work again and the report is a draft again.
        lock(opd, false, " ").then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("alasan"));
        assertThat(budgetWrite(opd, "1.00")).isEqualTo(409);
        lock(opd, false, "Koreksi realisasi sesuai temuan Inspektorat").then().statusCode(200);
        assertThat(budgetWrite(opd, "250000.00")).isEqualTo(200);
        assertThat(indicatorWrite(opd)).isEqualTo(200);
        assertThat(annotate(opd, "terlambat")).isEqualTo(200);
        assertThat(table(opd).getString("status")).isEqualTo("DRAFT");
        assertThat(anonymous(opd).statusCode()).isEqualTo(401);

        // Both lock events are in the trail of report-service and of each owner, as the verifikator's.
        for (String riwayat : List.of("/api/v1/reports/63.10/2024/riwayat", url("budget") + "/api/v1/dpa/63.10/2024/riwayat",
                url("indicator") + "/api/v1/indikator/63.10/2024/riwayat")) {
            JsonPath r = given().accept("application/json").queryParam("opd", opd).queryParam("pelaku", "dev-verifikator").get(riwayat)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(r.getList("items.aksi")).as(riwayat).containsExactly("kunci.buka", "kunci.pasang");
            assertThat(r.getString("items[0].sesudah.alasan")).isEqualTo("Koreksi realisasi sesuai temuan Inspektorat");
        }
    }

    static String publicUrl(String service) {
        return ConfigProvider.getConfig().getValue("capaian.test." + service + ".public-url", String.class);
    }

    static BigDecimal paguTerkunci(String opd, String kode) throws SQLException {
        String port = ConfigProvider.getConfig().getValue("capaian.db.port", String.class);
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/report", "report", "");
                var s = c.prepareStatement("SELECT pagu FROM pagu_terkunci WHERE pemda = '63.10' AND tahun = 2024 "
                        + "AND opd = ? AND kode = ?")) {
            s.setString(1, opd);
            s.setString(2, kode);
            var r = s.executeQuery();
            return r.next() ? r.getBigDecimal(1) : null;
        }
    }

    /**
     * A ceiling changed just before the lock is in the lock's snapshot: FINAL waits until the owners' outboxes of the
     * scope are drained and the read model has applied their events.
     */
    @Test
    void theLockWaitsForTheOwnersLastEventsSoTheFinalReportAndItsCeilingsIncludeThem() throws Exception {
        String opd = "LCW" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        seed(opd);
        given().contentType("application/json").body("""
                [{"kode": "2.08.02.2.01.0001", "uraian": "Sub kegiatan", "pagu": 2345678.00}]""")
                .put(url("budget") + "/api/v1/dpa/63.10/2024/{opd}/nodes", opd).then().statusCode(200);
        lock(opd, true, "LKPJ 2024 disampaikan ke DPRD").then().statusCode(200);
        assertThat(paguTerkunci(opd, "2.08.02.2.01.0001")).isEqualByComparingTo("2345678.00");
        assertThat(table(opd).getString("status")).isEqualTo("FINAL");
        lock(opd, false, "Selesai").then().statusCode(200);
    }

    /** The owners' year lock and month closing answer only on their internal port, which report-service calls. */
    @Test
    void theOwnersLockAndClosingAreNotServedOnTheirPublicPort() {
        String unlock = "{\"terkunci\": false, \"alasan\": \"di belakang report-service\"}";
        for (String path : List.of("/api/v1/dpa/63.10/2024/kunci", "/api/v1/indikator/63.10/2024/kunci")) {
            String owner = path.contains("/dpa/") ? "budget" : "indicator";
            given().header("Authorization", VERIFIKATOR).contentType("application/json").body(unlock)
                    .put(publicUrl(owner) + path).then().statusCode(404)
                    .body("detail", org.hamcrest.Matchers.containsString("hanya untuk report-service"));
            given().header("Authorization", VERIFIKATOR).get(publicUrl(owner) + path).then().statusCode(404);
            given().header("Authorization", VERIFIKATOR).get(url(owner) + path).then().statusCode(200);
        }
        given().header("Authorization", VERIFIKATOR).contentType("application/json").body("{\"sampaiBulan\": 0, \"alasan\": \"x\"}")
                .put(publicUrl("budget") + "/api/v1/dpa/63.10/2024/P3AP2KB/penutupan").then().statusCode(404);
        given().header("Authorization", VERIFIKATOR).contentType("application/json").body("{\"sampaiBulan\": 0, \"alasan\": \"x\"}")
                .put(publicUrl("indicator") + "/api/v1/indikator/63.10/2024/P3AP2KB/penutupan").then().statusCode(404);
        // the public operations still answer on the public port
        given().get(publicUrl("budget") + "/api/v1/dpa/63.10/2024/riwayat").then().statusCode(200);
        given().get(publicUrl("indicator") + "/api/v1/indikator/63.10/2024/riwayat").then().statusCode(200);
    }

    @Test
    void anImportIsWrittenAsItsCallerOrNotAtAll() throws Exception {
        String opd = "OPR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String tsv = fixture();

        // An operator of another OPD may not import into this one: nothing is written anywhere.
        given().header("Authorization", TestTokens.bearer(TestTokens.token("operator", "63.10", "DINKES")))
                .contentType("text/tab-separated-values").body(tsv)
                .post("/api/v1/imports/63.10/2024/{opd}/capaian", opd)
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(outboxRows("budget", opd)).isZero();
        assertThat(outboxRows("indicator", opd)).isZero();
        given().get(url("budget") + "/api/v1/dpa/63.10/2024/{opd}", opd).then().statusCode(404);
        given().accept("application/json").queryParam("opd", opd).get("/api/v1/reports/63.10/2024/riwayat").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));

        // Its own operator may: the owners record every row as hers, report-service the import.
        String pelaku = "dev-operator-" + opd.toLowerCase();
        given().header("Authorization", TestTokens.bearer(TestTokens.token("operator", "63.10", opd)))
                .contentType("text/tab-separated-values").body(tsv)
                .post("/api/v1/imports/63.10/2024/{opd}/capaian", opd).then().statusCode(200);
        for (String riwayat : List.of(url("budget") + "/api/v1/dpa/63.10/2024/riwayat",
                url("indicator") + "/api/v1/indikator/63.10/2024/riwayat")) {
            JsonPath r = given().accept("application/json").queryParam("opd", opd).queryParam("size", "500").get(riwayat)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(r.getInt("total")).as(riwayat).isPositive();
            assertThat(r.getList("items.pelaku")).as(riwayat).containsOnly(pelaku);
        }
        given().accept("application/json").queryParam("opd", opd).get("/api/v1/reports/63.10/2024/riwayat").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].aksi", org.hamcrest.Matchers.equalTo("import.capaian"))
                .body("items[0].pelaku", org.hamcrest.Matchers.equalTo(pelaku))
                .body("items[0].sesudah.counts.program", org.hamcrest.Matchers.equalTo(6));
    }

    static BigDecimal capaianOf(List<Map<String, Object>> rows, String kode) {
        Map<String, Object> row = rows.stream().filter(r -> r.get("kode").equals(kode)).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ind = (List<Map<String, Object>>) row.get("indikator");
        return new BigDecimal(ind.get(0).get("capaian").toString());
    }

    /** shared/RFK.md's worked example as an import file: plans, progress, Renstra, sasaran, two program indicators. */
    static final String RFK_TSV = String.join("\n",
            String.join("\t", "kode", "uraian", "indikator", "satuan", "polaritas", "target_fisik", "target_anggaran",
                    "realisasi_fisik", "realisasi_anggaran", "pagu_murni", "rak_01", "rak_02", "rak_03", "rak_04", "rak_05",
                    "rak_06", "rak_07", "rak_08", "rak_09", "rak_10", "rak_11", "rak_12", "progres_fisik", "agregasi",
                    "renstra_target", "renstra_sebelumnya", "renstra_pagu", "renstra_realisasi_sebelumnya", "sasaran"),
            "2.08.02\tProgram PUG\tPersentase ARG\t%\tpositif\t65\t400.000.000\t27,54\t210.000.000\t\t"
                    + "\t".repeat(12) + "\takhir\t90\t70\t1.000.000.000\t600.000.000\tMeningkatnya kesetaraan gender",
            "2.08.02\t\tJumlah dokumen PPRG\tdokumen\tpositif\t12\t\t7\t\t\t" + "\t".repeat(12)
                    + "\tjumlah\t60\t40\t\t\t",
            "2.08.02.2.01\tKegiatan PUG\t\t\t\t\t400.000.000\t\t210.000.000\t\t" + "\t".repeat(12) + "\t\t\t\t\t\t",
            "2.08.02.2.01.0001\tSub kegiatan A\tJumlah advokasi\tkali\tpositif\t10\t100.000.000\t5\t45.000.000"
                    + "\t120.000.000" + "\t10.000.000".repeat(10) + "\t0\t0\t50\t\t\t\t\t\t",
            "2.08.02.2.01.0002\tSub kegiatan B\tJumlah sosialisasi\tkali\tpositif\t20\t300.000.000\t12\t165.000.000"
                    + "\t300.000.000" + "\t25.000.000".repeat(12) + "\t60\t\t\t\t\t\t") + "\n";

    @Test
    void theMonthsOfTheYearTravelFromAnImportThroughTheOwnersIntoTheRfk() {
        String opd = "RFK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        var imported = given().contentType("text/tab-separated-values").body(RFK_TSV)
                .post("/api/v1/imports/63.10/2024/{opd}/capaian?bulan=6", opd).then().statusCode(200).extract().jsonPath(EXACT);
        assertThat(imported.getInt("counts.indikator")).isEqualTo(4);
        assertThat(imported.getList("indikatorDipertahankan")).isEmpty();
        // the owners hold what the file said: the cash plan, the murni ceiling, two program indicators, progress
        given().get(url("budget") + "/api/v1/dpa/63.10/2024/{opd}/nodes/2.08.02.2.01.0001/rak", opd).then().statusCode(200)
                .body("bulan[0]", org.hamcrest.Matchers.equalTo(10000000.0f)).body("bulan[11]", org.hamcrest.Matchers.equalTo(0.0f));
        given().get(url("indicator") + "/api/v1/indikator/63.10/2024/{opd}/nodes/2.08.02", opd).then().statusCode(200)
                .body("nomor", org.hamcrest.Matchers.contains(1, 2)).body("[1].agregasi", org.hamcrest.Matchers.equalTo("jumlah"))
                .body("[0].sasaran", org.hamcrest.Matchers.equalTo("Meningkatnya kesetaraan gender"));
        given().get(url("indicator") + "/api/v1/indikator/63.10/2024/{opd}/nodes/2.08.02.2.01.0002/progres", opd)
                .then().statusCode(200).body("[0].bulan", org.hamcrest.Matchers.equalTo(6));

        // and the report follows over Kafka: shared/RFK.md's worked example as of June
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var r = given().get("/api/v1/reports/63.10/2024/{opd}/rfk?bulan=6", opd);
            return r.statusCode() == 200 && "57.5".equals(r.jsonPath().getString("total.fisik"))
                    && "2.1E8".equals(r.jsonPath().getString("total.realisasi.jumlah"));
        });
        JsonPath rfk = given().get("/api/v1/reports/63.10/2024/{opd}/rfk?bulan=6", opd).then().statusCode(200)
                .extract().jsonPath(EXACT);
        assertThat(new BigDecimal(rfk.getString("rows[2].rencana.jumlah"))).isEqualByComparingTo("60000000");
        assertThat(new BigDecimal(rfk.getString("rows[2].deviasi.persen"))).isEqualByComparingTo("25.00");
        assertThat(new BigDecimal(rfk.getString("rows[3].deviasi.jumlah"))).isEqualByComparingTo("-15000000");
        assertThat(new BigDecimal(rfk.getString("total.paguMurni"))).isEqualByComparingTo("420000000");
        assertThat(new BigDecimal(rfk.getString("total.bobot"))).isEqualByComparingTo("100");

        // an indicator added through the API is never removed by a later import: kept, and the answer says so
        given().contentType("application/json").body("""
                [{"kode": "2.08.02", "sasaran": "Meningkatnya kesetaraan gender", "indikator": [
                  {"nama": "Persentase ARG", "satuan": "%", "polaritas": "positif", "target": 65, "agregasi": "akhir",
                   "renstra": {"target": 90, "realisasiSebelumnya": 70}},
                  {"nama": "Jumlah dokumen PPRG", "satuan": "dokumen", "polaritas": "positif", "target": 12, "agregasi": "jumlah",
                   "renstra": {"target": 60, "realisasiSebelumnya": 40}},
                  {"nama": "Indeks pemberdayaan gender", "satuan": "indeks", "polaritas": "positif", "target": 70}]}]""")
                .put(url("indicator") + "/api/v1/indikator/63.10/2024/{opd}/nodes", opd).then().statusCode(200);
        var again = given().contentType("text/tab-separated-values").body(RFK_TSV)
                .post("/api/v1/imports/63.10/2024/{opd}/capaian?bulan=6", opd).then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("indikatorDipertahankan.nomor")).containsExactly(3);
        assertThat(again.getList("indikatorDipertahankan.nama")).containsExactly("Indeks pemberdayaan gender");
        given().get(url("indicator") + "/api/v1/indikator/63.10/2024/{opd}/nodes/2.08.02", opd).then().statusCode(200)
                .body("nomor", org.hamcrest.Matchers.contains(1, 2, 3));
    }
}
