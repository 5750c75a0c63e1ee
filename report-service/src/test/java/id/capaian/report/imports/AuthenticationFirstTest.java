package id.capaian.report.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import id.capaian.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Authentication comes before everything else the request could be refused for: an import with a media type
 * the operation does not take answers 401 to a caller without a valid token, 415 only to one with a token.
 */
@QuarkusTest
class AuthenticationFirstTest {

    static final String IMPORT = "/api/v1/imports/63.10/2024/P3AP2KB/capaian";

    @Test
    void aWrongMediaTypeWithoutATokenIs401() {
        given().noFilters().contentType("application/pdf").body(new byte[] {'%', 'P', 'D', 'F'})
                .post(IMPORT).then().statusCode(401).contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("detail", equalTo("Kirim token: Authorization: Bearer <token>"))
                .body("instance", equalTo(IMPORT));
    }

    @Test
    void aWrongMediaTypeWithAnInvalidTokenIs401() {
        given().noFilters().header("Authorization", "Bearer bukan.token.sah").contentType("application/pdf")
                .body(new byte[] {'%', 'P', 'D', 'F'})
                .post(IMPORT).then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aWrongMediaTypeWithATokenIsStill415() {
        given().noFilters().header("Authorization", TestTokens.bearer(TestTokens.admin("63.10")))
                .contentType("application/pdf").body(new byte[] {'%', 'P', 'D', 'F'})
                .post(IMPORT).then().statusCode(415).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(415));
    }
}
