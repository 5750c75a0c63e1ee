package id.capaian.report.anotasi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.capaian.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Every annotation change leaves exactly one entry in report-service's trail, with before and after, as its author. */
@QuarkusTest
class AnotasiAuditTest {

    static final String OPD = "ANO" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    static final String PATH = "/api/v1/reports/63.10/2024/" + OPD + "/anotasi/2.08.02";
    static final String RIWAYAT = "/api/v1/reports/63.10/2024/riwayat";

    @Test
    void createChangeSameAgainAndRemoveAreAuditedOnceEach() {
        String operator = TestTokens.bearer(TestTokens.token("operator", "63.10", OPD));
        given().header("Authorization", operator).contentType("application/json")
                .body("{\"kebijakan\": \"Perda PPRG\", \"permasalahan\": \"GAP belum lengkap\"}")
                .put(PATH).then().statusCode(200).body("kebijakan", equalTo("Perda PPRG"));
        given().contentType("application/json").body("{\"kebijakan\": \"Perda PPRG\", \"permasalahan\": \"GAP dan GBS belum lengkap\"}")
                .put(PATH).then().statusCode(200);
        // The same state again changes nothing, and records nothing.
        given().contentType("application/json").body("{\"kebijakan\": \"Perda PPRG\", \"permasalahan\": \"GAP dan GBS belum lengkap\"}")
                .put(PATH).then().statusCode(200);
        given().delete(PATH).then().statusCode(204);
        given().delete(PATH).then().statusCode(204);

        given().accept("application/json").queryParam("opd", OPD).get(RIWAYAT).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items[2].aksi", equalTo("anotasi.buat"))
                .body("items[2].pelaku", equalTo("dev-operator-" + OPD.toLowerCase()))
                .body("items[2].peran", equalTo(java.util.List.of("operator")))
                .body("items[2].kode", equalTo("2.08.02")).body("items[2].entitas", equalTo("anotasi"))
                .body("items[2].sebelum", nullValue())
                .body("items[2].sesudah.permasalahan", equalTo("GAP belum lengkap"))
                .body("items[1].aksi", equalTo("anotasi.ubah"))
                .body("items[1].pelaku", equalTo("dev-admin"))
                .body("items[1].sebelum.permasalahan", equalTo("GAP belum lengkap"))
                .body("items[1].sesudah.permasalahan", equalTo("GAP dan GBS belum lengkap"))
                .body("items[1].sesudah.kebijakan", equalTo("Perda PPRG"))
                .body("items[0].aksi", equalTo("anotasi.hapus"))
                .body("items[0].sebelum.permasalahan", equalTo("GAP dan GBS belum lengkap"))
                .body("items[0].sesudah", nullValue());
    }

    @Test
    void anOperatorOfAnotherOpdMayReadButNotAnnotate() {
        String other = TestTokens.bearer(TestTokens.token("operator", "63.10", "DINKES"));
        given().header("Authorization", other).contentType("application/json").body("{\"permasalahan\": \"x\"}")
                .put(PATH).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", other).get(PATH).then().statusCode(404);
        given().accept("application/json").queryParam("opd", OPD).queryParam("pelaku", "dev-operator-dinkes").get(RIWAYAT).then().statusCode(200)
                .body("total", equalTo(0));
    }
}
