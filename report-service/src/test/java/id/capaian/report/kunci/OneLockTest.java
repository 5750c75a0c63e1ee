package id.capaian.report.kunci;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import id.capaian.report.kunci.LockOwners.Call;
import id.capaian.testing.LocalInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One lock for the suite (issue 16 item 4): a lock goes to the owners first and makes the report FINAL last, an
 * unlock makes the report a draft first and opens the owners last, so no owner is ever open while the report says
 * FINAL, whichever owner is down; changes of one pemda-year are serialized; FINAL waits for the owners' outboxes.
 * The owners are stand-ins ({@link LockOwners}); the real ones are CapaianEndToEndTest's.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
@TestProfile(LockOwners.Profile.class)
class OneLockTest {

    static final String KUNCI = "/api/v1/reports/63.10/2024/kunci";

    @AfterEach
    void ownersUp() {
        LockOwners.up("budget");
        LockOwners.up("indicator");
        LockOwners.BACKLOG.clear();
    }

    static String opd() {
        return "K" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Response put(String opd, boolean terkunci) {
        return given().contentType("application/json")
                .body(Map.of("opd", opd, "terkunci", terkunci, "alasan", terkunci ? "LKPJ 2024" : "Koreksi temuan"))
                .put(KUNCI);
    }

    static boolean reportFinal(String opd) {
        return given().get(KUNCI).then().statusCode(200).extract().jsonPath().getList("opd").contains(opd);
    }

    static List<String> puts(String opd) {
        return LockOwners.CALLS.stream().filter(c -> c.method().equals("PUT") && c.body().contains(opd))
                .map(c -> c.owner() + (c.body().contains("\"terkunci\":true") ? " kunci" : " buka")).toList();
    }

    @Test
    void aLockWithIndicatorDownLocksBudgetLeavesTheReportADraftSaysSoAndARetryCompletesIt() {
        String opd = opd();
        LockOwners.down("indicator");
        put(opd, true).then().statusCode(502)
                .body("type", equalTo("/problems/layanan-gagal"))
                .body("errors[0].field", equalTo("indicator-service"))
                .body("detail", containsString("Keadaan: budget-service terkunci, indicator-service gagal, belum dikunci, "
                        + "report-service DRAF (belum dikunci)."));
        assertThat(reportFinal(opd)).as("FINAL while indicator-service is open").isFalse();
        assertThat(puts(opd)).containsExactly("budget kunci");

        LockOwners.up("indicator");
        put(opd, true).then().statusCode(200);
        assertThat(reportFinal(opd)).isTrue();
        assertThat(puts(opd)).containsExactly("budget kunci", "budget kunci", "indicator kunci");
    }

    @Test
    void anUnlockWithBudgetDownMakesTheReportADraftFirstAndLeavesBothOwnersLocked() {
        String opd = opd();
        put(opd, true).then().statusCode(200);
        LockOwners.down("budget");
        put(opd, false).then().statusCode(502)
                .body("errors[0].field", equalTo("budget-service"))
                .body("detail", containsString("Keadaan: budget-service gagal, belum dibuka, indicator-service belum dibuka, "
                        + "report-service DRAF (sudah dibuka)."));
        assertThat(reportFinal(opd)).as("the report stops saying FINAL before any owner opens").isFalse();
        assertThat(puts(opd)).containsExactly("budget kunci", "indicator kunci");

        LockOwners.up("budget");
        put(opd, false).then().statusCode(200);
        assertThat(puts(opd)).containsExactly("budget kunci", "indicator kunci", "budget buka", "indicator buka");
    }

    @Test
    void anUnlockWithIndicatorDownHasOpenedTheReportAndBudgetButNeverTheOtherWayRound() {
        String opd = opd();
        put(opd, true).then().statusCode(200);
        LockOwners.down("indicator");
        put(opd, false).then().statusCode(502)
                .body("detail", containsString("Keadaan: budget-service terbuka, indicator-service gagal, belum dibuka, "
                        + "report-service DRAF (sudah dibuka)."));
        assertThat(reportFinal(opd)).isFalse();
        LockOwners.up("indicator");
        put(opd, false).then().statusCode(200);
        assertThat(puts(opd)).containsExactly("budget kunci", "indicator kunci", "budget buka", "budget buka", "indicator buka"); // the retry sends budget again (idempotent)
    }

    @Test
    void finalWaitsUntilTheOwnersOutboxesOfTheScopeAreDrained() {
        String opd = opd();
        LockOwners.BACKLOG.put("indicator", new AtomicInteger(3));
        put(opd, true).then().statusCode(200);
        List<Call> gets = LockOwners.CALLS.stream()
                .filter(c -> c.method().equals("GET") && c.owner().equals("indicator") && c.path().contains("opd=" + opd))
                .toList();
        assertThat(gets).as("polled until its backlog was 0").hasSize(4);
        assertThat(reportFinal(opd)).isTrue();
    }

    @Test
    void anOutboxThatDoesNotDrainInTimeLeavesTheOwnersLockedAndTheReportADraft() {
        String opd = opd();
        LockOwners.BACKLOG.put("budget", new AtomicInteger(1000)); // stuck
        put(opd, true).then().statusCode(504)
                .body("type", equalTo("/problems/outbox-belum-terkirim"))
                .body("detail", containsString("budget-service masih menyimpan 1000 peristiwa"))
                .body("detail", containsString("Keadaan: budget-service terkunci, indicator-service terkunci, "
                        + "report-service DRAF (belum dikunci)."));
        assertThat(reportFinal(opd)).isFalse();
        LockOwners.BACKLOG.clear();
        put(opd, true).then().statusCode(200);
        assertThat(reportFinal(opd)).isTrue();
    }

    @Test
    void changesOfOnePemdaYearAreSerialized() throws Exception {
        String opd = opd();
        CountDownLatch release = new CountDownLatch(1);
        LockOwners.HOLD.put("budget", release);
        CompletableFuture<Integer> lock = CompletableFuture.supplyAsync(() -> put(opd, true).statusCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> puts(opd).size() == 1);
        CompletableFuture<Integer> unlock = CompletableFuture.supplyAsync(() -> put(opd, false).statusCode());
        // while the lock is held at budget-service, the unlock (of an OPD of the same year) waits
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> puts(opd).size() == 1 && !unlock.isDone());
        release.countDown();
        assertThat(lock.get()).isEqualTo(200);
        assertThat(unlock.get()).isEqualTo(200);
        assertThat(puts(opd)).containsExactly("budget kunci", "indicator kunci", "budget buka", "indicator buka");
        assertThat(reportFinal(opd)).isFalse();
    }
}
