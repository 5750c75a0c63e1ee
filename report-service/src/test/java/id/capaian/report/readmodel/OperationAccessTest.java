package id.capaian.report.readmodel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import id.capaian.testing.DevTokens;
import id.capaian.testing.DevTokens.Claims;
import id.capaian.testing.LocalInfrastructure;
import id.capaian.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Tenants (issue 16 item 5): the read-model check and rebuild cover every pemda, so they need the platform role; no
 * pemda's admin may run them (it would read other pemdas' mismatches and lock every tenant's read model). A token
 * for another audience is refused, whatever it carries.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class OperationAccessTest {

    static final String PLATFORM = TestTokens.bearer(TestTokens.platform());

    @Test
    void aPemdasAdminCannotCheckOrRebuildTheReadModelOfEveryPemda() {
        for (String admin : new String[] {TestTokens.admin("63.10"), TestTokens.admin("64.01"),
                TestTokens.token("admin", null, null)}) {
            given().header("Authorization", TestTokens.bearer(admin)).get("/api/v1/read-model/check")
                    .then().statusCode(403).body("type", equalTo("/problems/akses-ditolak"))
                    .body("detail", containsString("mengoperasikan layanan"));
            given().header("Authorization", TestTokens.bearer(admin)).post("/api/v1/read-model/rebuild")
                    .then().statusCode(403);
        }
    }

    @Test
    void thePlatformRoleChecksAndRebuildsButReadsNoPemdasData() {
        given().header("Authorization", PLATFORM).get("/api/v1/read-model/check").then().statusCode(200)
                .body("consistent", equalTo(true));
        given().header("Authorization", PLATFORM).post("/api/v1/read-model/rebuild").then().statusCode(200);
        given().header("Authorization", PLATFORM).get("/api/v1/reports/63.10/2024/kunci").then().statusCode(403);
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIsRefused() {
        DevTokens tokens = TestTokens.tokens();
        Claims pembaca = Claims.of("pembaca", "63.10", null);
        Claims platform = Claims.of("platform", null, null);
        for (String token : new String[] {tokens.mint(pembaca, DevTokens.ISSUER, "aplikasi-lain"),
                tokens.mint(pembaca, DevTokens.ISSUER, null)}) {
            given().header("Authorization", TestTokens.bearer(token)).get("/api/v1/reports/63.10/2024/kunci")
                    .then().statusCode(401).body("type", equalTo("/problems/tidak-terautentikasi"));
        }
        given().header("Authorization", TestTokens.bearer(tokens.mint(platform, DevTokens.ISSUER, "aplikasi-lain")))
                .get("/api/v1/read-model/check").then().statusCode(401);
        // the same claims for the right audience pass
        given().header("Authorization", TestTokens.bearer(tokens.mint(pembaca))).get("/api/v1/reports/63.10/2024/kunci")
                .then().statusCode(200);
    }
}
