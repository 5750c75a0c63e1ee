package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.capaian.core.security.VerifiedTokens;
import id.capaian.testing.DevTokens.Claims;
import id.capaian.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A token that OIDC verified once is not verified again while it is held, and a held token admits no more than OIDC
 * would: not after its exp, not with other bytes, not beyond its own pemda.
 */
@QuarkusTest
class VerifiedTokensTest {

    static final String TRAIL = "/api/v1/dpa/63.10/2024/riwayat";

    @Inject VerifiedTokens tokens;

    static int status(String token, String path) {
        return given().header("Authorization", TestTokens.bearer(token)).get(path).then().extract().statusCode();
    }

    static String expiringIn(Duration d, String pemda) {
        Claims c = Claims.of("admin", pemda, null);
        Instant now = Instant.now();
        return TestTokens.tokens().mint(new Claims(c.subject(), c.name(), c.roles(), c.pemda(), c.opd(), now, now.plus(d)));
    }

    @Test
    void aHeldTokenEndsAtItsExpiryAsOidcWould() {
        given().get(TRAIL).then().statusCode(200); // the first request of a cold service may take seconds
        String token = expiringIn(Duration.ofSeconds(8), "63.10");
        assertThat(status(token, TRAIL)).isEqualTo(200);
        assertThat(tokens.holds(token)).as("held after OIDC verified it").isTrue();
        long reused = tokens.reused();
        assertThat(status(token, TRAIL)).isEqualTo(200);
        assertThat(tokens.reused()).as("the second request admitted by the held identity").isEqualTo(reused + 1);
        // The cache would hold it for a minute; its exp ends it after eight seconds.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(token, TRAIL) == 401);
        assertThat(tokens.holds(token)).isFalse();
    }

    @Test
    void aHeldTokenAdmitsOnlyItsOwnBytesAndItsOwnPemda() {
        String token = expiringIn(Duration.ofMinutes(5), "63.10");
        assertThat(status(token, TRAIL)).isEqualTo(200);
        assertThat(tokens.holds(token)).isTrue();
        int dot = token.lastIndexOf('.');
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, dot + 1) + new StringBuilder(token.substring(dot + 1, token.length() - 1))
                .reverse() + (last == 'A' ? 'B' : 'A');
        assertThat(status(forged, TRAIL)).as("same claims, another signature").isEqualTo(401);
        assertThat(tokens.holds(forged)).isFalse();
        assertThat(status(token, "/api/v1/dpa/63.11/2024/riwayat")).as("held, but for pemda 63.10 only").isEqualTo(403);
        String other = expiringIn(Duration.ofMinutes(5), "63.11");
        assertThat(status(other, "/api/v1/dpa/63.11/2024/riwayat")).isEqualTo(200);
        assertThat(status(other, TRAIL)).isEqualTo(403);
        assertThat(status(token, TRAIL)).isEqualTo(200);
    }
}
