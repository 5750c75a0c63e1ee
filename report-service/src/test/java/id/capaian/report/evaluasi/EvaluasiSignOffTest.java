package id.capaian.report.evaluasi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.capaian.core.domain.DpaRef;
import id.capaian.report.OwnerServices;
import id.capaian.report.evaluasi.EvaluasiForm.Status;
import id.capaian.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sign-off against the REAL owners (packaged budget-service and indicator-service processes): who may sign,
 * the months it closes in both owners, reopening with a reason, the audit trail, and an owner that is down.
 */
@QuarkusTest
@QuarkusTestResource(value = OwnerServices.class, restrictToAnnotatedClass = true)
@TestProfile(EvaluasiSignOffTest.WithOwners.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class EvaluasiSignOffTest {

    /** Its own application: the owners run for this class alone. */
    public static class WithOwners implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("capaian.evaluasi.test", "owners");
        }
    }

    static final String OPD = "SO" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    static final String SUB = "2.08.02.2.01.0001";
    static final String OPERATOR = TestTokens.bearer(TestTokens.token("operator", "63.10", OPD));
    static final String OTHER_OPERATOR = TestTokens.bearer(TestTokens.token("operator", "63.10", "LAIN"));
    static final String PEMBACA = TestTokens.bearer(TestTokens.token("pembaca", "63.10", null));
    static final String VERIFIKATOR = TestTokens.bearer(TestTokens.token("verifikator", "63.10", null));
    static boolean created;

    @Inject EvaluasiRepository repository;

    static String owner(String service) {
        return ConfigProvider.getConfig().getValue("capaian.services." + service, String.class);
    }

    @BeforeEach
    void ownersHaveTheOpd() {
        if (created) {
            return;
        }
        given().contentType("application/json").body("""
                [{"kode": "2.08.02", "uraian": "Program PUG"}, {"kode": "2.08.02.2.01", "uraian": "Kegiatan PUG"},
                 {"kode": "%s", "uraian": "Sub PUG", "pagu": 1000.00}]""".formatted(SUB))
                .put(owner("budget") + "/api/v1/dpa/63.10/2024/{opd}/nodes", OPD).then().statusCode(200);
        given().contentType("application/json").body("""
                [{"kode": "%s", "indikator": [{"nama": "Jumlah dokumen", "satuan": "dokumen", "polaritas": "positif", "target": 10}]}]"""
                .formatted(SUB))
                .put(owner("indicator") + "/api/v1/indikator/63.10/2024/{opd}/nodes", OPD).then().statusCode(200);
        created = true;
    }

    static ValidatableResponse status(String token, int triwulan, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body)
                .put("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja/{t}/status", OPD, triwulan).then();
    }

    static ValidatableResponse budgetRealisasi(int bulan, String jumlah) {
        return given().contentType("application/json").body("[{\"kode\": \"" + SUB + "\", \"jumlah\": " + jumlah + "}]")
                .put(owner("budget") + "/api/v1/dpa/63.10/2024/{opd}/realisasi/{b}", OPD, bulan).then();
    }

    static ValidatableResponse indicatorRealisasi(int bulan, String nilai) {
        return given().contentType("application/json").body("[{\"kode\": \"" + SUB + "\", \"nomor\": 1, \"nilai\": " + nilai + "}]")
                .put(owner("indicator") + "/api/v1/indikator/63.10/2024/{opd}/realisasi/{b}", OPD, bulan).then();
    }

    static List<Integer> budgetMonths() {
        return given().get(owner("budget") + "/api/v1/dpa/63.10/2024/{opd}/nodes/{k}/realisasi", OPD, SUB)
                .then().statusCode(200).extract().jsonPath().getList("bulan", Integer.class);
    }

    static List<Integer> indicatorMonths() {
        return given().get(owner("indicator") + "/api/v1/indikator/63.10/2024/{opd}/nodes/{k}/indikator/1/realisasi", OPD, SUB)
                .then().statusCode(200).extract().jsonPath().getList("bulan", Integer.class);
    }

    static int closed(String service) {
        String path = service.equals("budget") ? "/api/v1/dpa" : "/api/v1/indikator";
        return given().get(owner(service) + path + "/63.10/2024/{opd}/penutupan", OPD).then().statusCode(200)
                .extract().jsonPath().getInt("sampaiBulan");
    }

    Status reportStatus(int triwulan) {
        return repository.quarter(new DpaRef("63.10", 2024, OPD), triwulan).status();
    }

    @Test
    @Order(1)
    void rolesClosingInBothOwnersReopeningAndTheAuditTrail() {
        // Who may sign as prepared: the OPD's own operator (not another OPD's, not a reader).
        status(OTHER_OPERATOR, 1, "{\"status\": \"DISUSUN\"}").statusCode(403).body("type", equalTo("/problems/akses-ditolak"));
        status(PEMBACA, 1, "{\"status\": \"DISUSUN\"}").statusCode(403);
        status(OPERATOR, 1, "{\"status\": \"DIEVALUASI\"}").statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("DIEVALUASI"));
        status(VERIFIKATOR, 1, "{\"status\": \"DIEVALUASI\"}").statusCode(409).body("type", equalTo("/problems/status-tidak-valid"));
        status(VERIFIKATOR, 1, "{\"status\": \"SELESAI\"}").statusCode(422).body("errors[0].field", equalTo("status"));
        assertThat(reportStatus(1)).isEqualTo(Status.DRAFT);

        given().header("Authorization", OPERATOR).contentType("application/json")
                .body("{\"faktorPendorong\": \"Pendampingan Bappeda\", \"faktorPenghambat\": \"  \", \"tindakLanjutTriwulan\": null,"
                        + " \"tindakLanjutRenja\": \"Jadwal disesuaikan\"}")
                .put("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja/1/catatan", OPD)
                .then().statusCode(200).body("faktorPendorong", equalTo("Pendampingan Bappeda")).body("faktorPenghambat", nullValue());
        given().header("Authorization", OPERATOR).contentType("application/json").body("{\"faktorPendorong\": \"" + "x".repeat(4001) + "\"}")
                .put("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja/1/catatan", OPD)
                .then().statusCode(422).body("errors[0].field", equalTo("faktorPendorong"));

        status(OPERATOR, 1, "{\"status\": \"DISUSUN\"}").statusCode(200).body("status", equalTo("DISUSUN"))
                .body("disusun.oleh", equalTo(subjectOf("operator")))
                .body("dievaluasi", nullValue()).body("sampaiBulan", equalTo(0));
        assertThat(closed("budget")).isZero();
        status(OPERATOR, 1, "{\"status\": \"DIEVALUASI\"}").statusCode(403);

        // Evaluated: months 1..3 close in both owners.
        status(VERIFIKATOR, 1, "{\"status\": \"DIEVALUASI\", \"alasan\": \"Dibahas bersama Bappeda\"}").statusCode(200)
                .body("status", equalTo("DIEVALUASI")).body("sampaiBulan", equalTo(3))
                .body("dievaluasi.oleh", equalTo(subjectOf("verifikator"))).body("disusun.oleh", equalTo(subjectOf("operator")));
        assertThat(closed("budget")).isEqualTo(3);
        assertThat(closed("indicator")).isEqualTo(3);

        // While evaluated: the texts are frozen, no way back to DISUSUN, the same status again changes nothing.
        given().header("Authorization", OPERATOR).contentType("application/json").body("{\"faktorPendorong\": \"lain\"}")
                .put("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja/1/catatan", OPD)
                .then().statusCode(409).body("type", equalTo("/problems/sudah-dievaluasi"));
        status(VERIFIKATOR, 1, "{\"status\": \"DISUSUN\"}").statusCode(403);
        status(OPERATOR, 1, "{\"status\": \"DISUSUN\"}").statusCode(409).body("type", equalTo("/problems/status-tidak-valid"));
        status(VERIFIKATOR, 1, "{\"status\": \"DIEVALUASI\"}").statusCode(200).body("status", equalTo("DIEVALUASI"));

        // Reopening needs a reason, then opens the owners again.
        status(VERIFIKATOR, 1, "{\"status\": \"DRAFT\"}").statusCode(422).body("errors[0].field", equalTo("alasan"));
        status(OPERATOR, 1, "{\"status\": \"DRAFT\", \"alasan\": \"salah\"}").statusCode(403);
        assertThat(reportStatus(1)).isEqualTo(Status.DIEVALUASI);
        status(VERIFIKATOR, 1, "{\"status\": \"DRAFT\", \"alasan\": \"Realisasi Februari salah ketik\"}").statusCode(200)
                .body("status", equalTo("DRAFT")).body("sampaiBulan", equalTo(0)).body("disusun", nullValue())
                .body("dievaluasi", nullValue());
        assertThat(closed("budget")).isZero();
        assertThat(closed("indicator")).isZero();

        // The audit trail: the texts, and each step with before, after and the reason.
        var trail = given().accept("application/json").queryParam("opd", OPD).queryParam("size", 50)
                .get("/api/v1/reports/63.10/2024/riwayat").then().statusCode(200).extract().jsonPath();
        List<String> aksi = trail.getList("items.aksi", String.class);
        assertThat(aksi).containsExactly("evaluasi.status", "evaluasi.status", "evaluasi.status", "evaluasi.catatan");
        assertThat(trail.getString("items[0].sebelum.status")).isEqualTo("DIEVALUASI");
        assertThat(trail.getString("items[0].sesudah.status")).isEqualTo("DRAFT");
        assertThat(trail.getString("items[0].sesudah.alasan")).isEqualTo("Realisasi Februari salah ketik");
        assertThat(trail.getString("items[0].pelaku")).isEqualTo(subjectOf("verifikator"));
        assertThat(trail.getString("items[1].sesudah.status")).isEqualTo("DIEVALUASI");
        assertThat(trail.getInt("items[1].sesudah.sampaiBulan")).isEqualTo(3);
        assertThat(trail.getString("items[2].sebelum.status")).isEqualTo("DRAFT");
        assertThat(trail.getString("items[2].sesudah.status")).isEqualTo("DISUSUN");
        assertThat(trail.getString("items[2].pelaku")).isEqualTo(subjectOf("operator"));
        assertThat(trail.getString("items[3].sesudah.faktorPendorong")).isEqualTo("Pendampingan Bappeda");
        assertThat(trail.getString("items[3].entitas")).isEqualTo("evaluasi/1/catatan");
        // And each owner recorded its closing and reopening as the verifikator.
        var budgetTrail = given().accept("application/json").queryParam("opd", OPD)
                .get(owner("budget") + "/api/v1/dpa/63.10/2024/riwayat").then().statusCode(200).extract().jsonPath();
        assertThat(budgetTrail.getList("items.aksi", String.class)).contains("penutupan.tutup", "penutupan.buka");
    }

    @Test
    @Order(2)
    void bothOwnersRefuseRealizationsOfTheClosedMonthsUntilReopened() {
        status(OPERATOR, 1, "{\"status\": \"DISUSUN\"}").statusCode(200);
        status(VERIFIKATOR, 1, "{\"status\": \"DIEVALUASI\"}").statusCode(200).body("sampaiBulan", equalTo(3));
        budgetRealisasi(2, "100.00").statusCode(409).body("type", equalTo("/problems/bulan-tertutup"));
        indicatorRealisasi(3, "2").statusCode(409).body("type", equalTo("/problems/bulan-tertutup"));
        assertThat(budgetMonths()).doesNotContain(2);
        assertThat(indicatorMonths()).doesNotContain(3);
        budgetRealisasi(4, "150.00").statusCode(200);
        indicatorRealisasi(4, "3").statusCode(200);
        assertThat(budgetMonths()).contains(4);
        assertThat(indicatorMonths()).contains(4);
        status(VERIFIKATOR, 1, "{\"status\": \"DRAFT\", \"alasan\": \"Realisasi Februari belum masuk\"}").statusCode(200);
        budgetRealisasi(2, "100.00").statusCode(200);
        indicatorRealisasi(3, "2").statusCode(200);
        assertThat(budgetMonths()).contains(2);
        assertThat(indicatorMonths()).contains(3);
    }

    @Test
    @Order(3)
    void theHighestEvaluatedQuarterClosesAndAnOwnerDownIsA502ThatLeavesTheSafeState() throws Exception {
        status(OPERATOR, 1, "{\"status\": \"DISUSUN\"}").statusCode(200);
        status(VERIFIKATOR, 1, "{\"status\": \"DIEVALUASI\"}").statusCode(200).body("sampaiBulan", equalTo(3));
        status(OPERATOR, 2, "{\"status\": \"DISUSUN\"}").statusCode(200);
        status(VERIFIKATOR, 2, "{\"status\": \"DIEVALUASI\"}").statusCode(200).body("sampaiBulan", equalTo(6));
        assertThat(closed("indicator")).isEqualTo(6);
        // Reopening quarter I leaves quarter II evaluated: still closed through June.
        status(VERIFIKATOR, 1, "{\"status\": \"DRAFT\", \"alasan\": \"koreksi\"}").statusCode(200).body("sampaiBulan", equalTo(6));
        assertThat(closed("budget")).isEqualTo(6);

        stopIndicatorService();

        // Reopening with an owner down: the report reopens first (DRAFT), budget-service opens, indicator-service stays closed.
        status(VERIFIKATOR, 2, "{\"status\": \"DRAFT\", \"alasan\": \"koreksi Juni\"}").statusCode(502)
                .contentType("application/problem+json")
                .body("title", equalTo("Penutupan bulan tidak dapat diubah di indicator-service"))
                .body("errors[0].field", equalTo("indicator-service"))
                .body("detail", containsString("sudah berstatus DRAFT"));
        assertThat(reportStatus(2)).isEqualTo(Status.DRAFT);
        assertThat(closed("budget")).isZero();

        // Evaluating with an owner down: 502, and the report does NOT say DIEVALUASI.
        status(OPERATOR, 2, "{\"status\": \"DISUSUN\"}").statusCode(200);
        status(VERIFIKATOR, 2, "{\"status\": \"DIEVALUASI\"}").statusCode(502)
                .body("errors[0].field", equalTo("indicator-service"))
                .body("detail", containsString("tetap berstatus DISUSUN"));
        assertThat(reportStatus(2)).isEqualTo(Status.DISUSUN);
        var trail = given().accept("application/json").queryParam("opd", OPD).queryParam("size", 1)
                .get("/api/v1/reports/63.10/2024/riwayat").then().statusCode(200).extract().jsonPath();
        assertThat(trail.getString("items[0].sesudah.status")).isEqualTo("DISUSUN");
    }

    static String subjectOf(String role) {
        return id.capaian.testing.DevTokens.Claims.of(role, "63.10", role.equals("operator") ? OPD : null).subject();
    }

    /** Stops the indicator-service process that OwnerServices started from this JVM (and only that one). */
    static void stopIndicatorService() throws Exception {
        String url = owner("indicator");
        String port = url.substring(url.lastIndexOf(':') + 1);
        List<ProcessHandle> owners = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("indicator-service/target/quarkus-app/quarkus-run.jar")
                        && (c.contains("-Dquarkus.http.port=" + port + " ") || c.contains("-Dcapaian.http.internal-port=" + port + " ")))
                        .orElse(false))
                .toList();
        assertThat(owners).hasSize(1);
        owners.get(0).destroy();
        owners.get(0).onExit().get(30, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !owners.get(0).isAlive());
    }
}
