package id.capaian.indicator;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the audit trail through its API (GET …/riwayat), oldest entry first, and year locks (PUT …/kunci). */
final class Riwayat {

    static final ObjectMapper JSON = new ObjectMapper();

    private Riwayat() {
    }

    static String path(String pemda, int tahun) {
        return "/api/v1/indikator/" + pemda + "/" + tahun + "/riwayat";
    }

    /** Every entry of a pemda-year matching the filters (null: no filter), oldest first, across pages. */
    static List<JsonNode> entries(String pemda, int tahun, String opd, String kode) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            RequestSpecification req = given().queryParam("page", page).queryParam("size", 500); // Accept */*: JSON
            if (opd != null) {
                req.queryParam("opd", opd);
            }
            if (kode != null) {
                req.queryParam("kode", kode);
            }
            JsonNode body = read(req.when().get(path(pemda, tahun)).then().statusCode(200).extract().asString());
            body.get("items").forEach(all::add);
            if (body.get("items").isEmpty()) {
                break;
            }
        }
        Collections.reverse(all);
        return all;
    }

    /** The entries of one OPD of 63.10/2024 committed since the last call: each step of a test checks its own. */
    static final class Since {
        private final String opd;
        private long mark;

        Since(String opd) {
            this.opd = opd;
        }

        List<JsonNode> next() {
            List<JsonNode> fresh = entries(Api.PEMDA, Api.TAHUN, opd, null).stream()
                    .filter(e -> e.get("id").asLong() > mark).toList();
            if (!fresh.isEmpty()) {
                mark = fresh.get(fresh.size() - 1).get("id").asLong();
            }
            return fresh;
        }
    }

    static String verifikator(String pemda) {
        return TestTokens.bearer(TestTokens.token("verifikator", pemda, null));
    }

    /** PUT …/kunci as Bappeda's verifikator. */
    static ValidatableResponse kunci(String pemda, int tahun, String body) {
        return given().header("Authorization", verifikator(pemda)).contentType("application/json").body(body)
                .when().put("/api/v1/indikator/" + pemda + "/" + tahun + "/kunci").then();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
