package id.capaian.indicator;

import static id.capaian.indicator.Api.base;
import static id.capaian.indicator.Api.freshOpd;
import static id.capaian.indicator.Api.indikator;
import static id.capaian.indicator.Api.node;
import static id.capaian.indicator.Api.putNodes;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Months closed after a quarter's evaluation: every write of a month's indicator realization or physical
 * progress up to the closed month answers 409 bulan-tertutup and writes nothing; later months stay open;
 * reopening needs a reason and a verifikator (or admin); both are audited.
 */
@QuarkusTest
class PenutupanTest {

    static final String SUB = "2.08.02.2.01.0001";

    @Inject Db db;

    @Test
    void closedMonthsRefuseEveryMonthlyWriteUntilReopenedWithAReason() {
        String opd = freshOpd("TUTUP");
        String base = base(opd);
        String verifikator = TestTokens.bearer(TestTokens.token("verifikator", Api.PEMDA, null));
        String operator = TestTokens.bearer(TestTokens.token("operator", Api.PEMDA, opd));
        putNodes(opd, node("2.08.02", indikator("ARG", "%", "positif", null, "65"))).statusCode(200);
        Api.putRealisasi(opd, "2.08.02", 1, 1, "5").statusCode(200);
        Api.putProgres(opd, SUB, 1, "5").statusCode(200);

        given().header("Authorization", verifikator).contentType("application/json")
                .body("{\"sampaiBulan\": 3, \"alasan\": \"Evaluasi Renja triwulan I selesai\"}")
                .when().put(base + "/penutupan").then().statusCode(200)
                .body("sampaiBulan", is(3)).body("oleh", is("dev-verifikator"));
        given().when().get(base + "/penutupan").then().statusCode(200).body("sampaiBulan", is(3));

        String snapshot = db.snapshot();
        for (int bulan : new int[] {1, 2, 3}) {
            monthlyWrites(base).forEach((name, write) -> assertClosed(name + " of month " + bulan, write.apply(bulan)));
        }
        // an operator is refused the same way
        assertClosed("operator's progres", given().header("Authorization", operator).contentType("text/plain").body("7,5")
                .when().put(base + "/nodes/" + SUB + "/progres/2").then());
        assertThat(db.snapshot()).as("nothing written to a closed month").isEqualTo(snapshot);

        // Month 4 is open: every path writes.
        monthlyWrites(base).forEach((name, write) -> write.apply(4).statusCode(200));
        given().when().get(base + "/nodes/" + SUB + "/progres").then().body("bulan", contains(1, 4));
        given().when().get(base + "/nodes/2.08.02/indikator/1/realisasi").then().body("bulan", contains(1, 4));

        // Reopening: a reason is required; an operator may not; a verifikator with a reason may.
        snapshot = db.snapshot();
        given().header("Authorization", verifikator).contentType("application/json").body("{\"sampaiBulan\": 0}")
                .when().put(base + "/penutupan").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("alasan"));
        given().header("Authorization", operator).contentType("application/json")
                .body("{\"sampaiBulan\": 0, \"alasan\": \"Koreksi\"}")
                .when().put(base + "/penutupan").then().statusCode(403).contentType("application/problem+json");
        assertThat(db.snapshot()).isEqualTo(snapshot);
        monthlyWrites(base).forEach((name, write) -> assertClosed(name + " before the reopening", write.apply(2)));

        given().header("Authorization", verifikator).contentType("application/json")
                .body("{\"sampaiBulan\": 0, \"alasan\": \"Koreksi realisasi Februari\"}")
                .when().put(base + "/penutupan").then().statusCode(200).body("sampaiBulan", is(0));
        monthlyWrites(base).forEach((name, write) -> write.apply(2).statusCode(200));

        List<JsonNode> closings = Riwayat.entries(Api.PEMDA, Api.TAHUN, opd, null).stream()
                .filter(e -> e.get("aksi").asText().startsWith("penutupan.")).toList();
        assertThat(closings).extracting(e -> e.get("aksi").asText()).containsExactly("penutupan.tutup", "penutupan.buka");
        assertThat(closings).allSatisfy(e -> {
            assertThat(e.get("pelaku").asText()).isEqualTo("dev-verifikator");
            assertThat(e.get("entitas").asText()).isEqualTo("penutupan");
        });
        assertThat(closings.get(0).get("sesudah").get("sampaiBulan").asInt()).isEqualTo(3);
        assertThat(closings.get(1).get("sebelum").get("sampaiBulan").asInt()).isEqualTo(3);
        assertThat(closings.get(1).get("sesudah").get("sampaiBulan").asInt()).isZero();
    }

    /** Every path that writes one month (default admin token), a value unique per month so each call changes it. */
    private static Map<String, IntFunction<ValidatableResponse>> monthlyWrites(String base) {
        Map<String, IntFunction<ValidatableResponse>> w = new LinkedHashMap<>();
        w.put("PUT realisasi (JSON)", b -> given().contentType("application/json").body("{\"nilai\": " + (10 + b) + "}")
                .when().put(base + "/nodes/2.08.02/indikator/1/realisasi/" + b).then());
        w.put("PUT realisasi (text/plain)", b -> given().contentType("text/plain").body((20 + b) + ",5")
                .when().put(base + "/nodes/2.08.02/indikator/1/realisasi/" + b).then());
        w.put("PUT realisasi bulk", b -> given().contentType("application/json")
                .body("[{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": " + (30 + b) + "}]")
                .when().put(base + "/realisasi/" + b).then());
        w.put("PUT progres (JSON)", b -> given().contentType("application/json").body("{\"persen\": " + (10 + b) + "}")
                .when().put(base + "/nodes/" + SUB + "/progres/" + b).then());
        w.put("PUT progres (text/plain)", b -> given().contentType("text/plain").body((20 + b) + ",5")
                .when().put(base + "/nodes/" + SUB + "/progres/" + b).then());
        w.put("PUT progres bulk", b -> given().contentType("application/json")
                .body("[{\"kode\": \"" + SUB + "\", \"persen\": " + (30 + b) + "}]")
                .when().put(base + "/progres/" + b).then());
        return w;
    }

    private static void assertClosed(String name, ValidatableResponse r) {
        r.statusCode(409).contentType("application/problem+json").body("type", is("/problems/bulan-tertutup"));
        assertThat(r.extract().jsonPath().getString("detail")).as(name).contains("sudah ditutup (sampai bulan 3)");
    }
}
