package id.capaian.report.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.capaian.testing.LocalInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * indicator-service fails (5xx) after budget-service committed: the import says honestly what is written and what
 * is pending (202, MENUNGGU), its record shows it, the stored part is retried with backoff while the owner stays in
 * trouble, and is completed once the owner is back.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
@TestProfile(FakeOwners.Profile.class)
class ImportPendingTest {

    static final String PATH = "/api/v1/imports/63.10/2024/{opd}/capaian";

    static List<FakeOwners.Call> indicatorWrites(String opd) {
        return FakeOwners.CALLS.stream().filter(c -> c.path().equals("/api/v1/indikator/63.10/2024/" + opd + "/impor")
                && c.query().contains("dryRun=false")).toList();
    }

    @Test
    void aSecondOwnerInTroubleIsCompletedOnceItIsBack() {
        String opd = "PEND" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id;
        FakeOwners.indicatorFailing = true;
        try {
            id = given().contentType("text/tab-separated-values").body(Fixture.tsv()).post(PATH, opd)
                    .then().statusCode(202)
                    .body("status", equalTo("MENUNGGU"))
                    .body("ditulis", equalTo(List.of("budget-service")))
                    .body("tertunda", equalTo(List.of("indicator-service")))
                    .body("counts.subKegiatan", equalTo(26))
                    .extract().path("id");
            given().get(PATH + "/{id}", opd, id).then().statusCode(200)
                    .body("status", equalTo("MENUNGGU"))
                    .body("ditulis", equalTo(List.of("budget-service")))
                    .body("tertunda", equalTo(List.of("indicator-service")))
                    .body("kesalahan", containsString("indicator-service menjawab 503"));
            // budget-service's part was written once; indicator-service's was judged, then refused with a 503.
            assertThat(FakeOwners.CALLS.stream().filter(c -> c.path().equals("/api/v1/dpa/63.10/2024/" + opd + "/impor")
                    && c.query().contains("dryRun=false"))).hasSize(1);
            // While the owner stays in trouble the retrier keeps trying, counting its attempts.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(PATH + "/{id}", opd, id).then()
                    .body("status", equalTo("MENUNGGU")).body("percobaan", org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        } finally {
            FakeOwners.indicatorFailing = false;
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(PATH + "/{id}", opd, id).then().statusCode(200)
                .body("status", equalTo("SELESAI"))
                .body("ditulis", equalTo(List.of("budget-service", "indicator-service")))
                .body("tertunda", equalTo(List.of()))
                .body("cobaLagi", nullValue()));
        // The part completed is exactly the one the import judged, with the importer's own token.
        List<FakeOwners.Call> writes = indicatorWrites(opd);
        FakeOwners.Call last = writes.get(writes.size() - 1);
        FakeOwners.Call judged = FakeOwners.CALLS.stream().filter(c -> c.path().equals("/api/v1/indikator/63.10/2024/" + opd
                + "/impor") && c.query().contains("dryRun=true")).findFirst().orElseThrow();
        assertThat(last.body()).isEqualTo(judged.body());
        assertThat(last.query()).contains("lainnya=pertahankan");
        assertThat(last.authorization()).isEqualTo(judged.authorization()).isNotNull();
        int sent = writes.size();
        // Completed once: nothing is sent again.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> indicatorWrites(opd).size() == sent);
    }

    @Test
    void aLaterImportSupersedesAPendingPartSoAnOlderPlanNeverLandsAfterANewerOne() {
        String opd = "SUPER" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String first;
        String second;
        FakeOwners.indicatorFailing = true;
        try {
            first = given().contentType("text/tab-separated-values").body(Fixture.tsv()).post(PATH, opd)
                    .then().statusCode(202).extract().path("id");
            second = given().contentType("text/tab-separated-values").body(Fixture.tsv()).post(PATH, opd)
                    .then().statusCode(202).extract().path("id");
        } finally {
            FakeOwners.indicatorFailing = false;
        }
        assertThat(second).isNotEqualTo(first);
        given().get(PATH + "/{id}", opd, first).then().statusCode(200).body("status", equalTo("DIGANTIKAN"))
                .body("tertunda", equalTo(List.of()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(PATH + "/{id}", opd, second).then()
                .body("status", equalTo("SELESAI")));
        given().get(PATH + "/{id}", opd, first).then().statusCode(200).body("status", equalTo("DIGANTIKAN"));
        given().get(PATH + "/{id}", opd, UUID.randomUUID().toString()).then().statusCode(404);
    }
}
