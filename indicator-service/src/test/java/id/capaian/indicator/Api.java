package id.capaian.indicator;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** Small helpers over the indicator API for the tests. */
final class Api {

    static final String PEMDA = "63.10";
    static final int TAHUN = 2024;

    private Api() {
    }

    /** A fresh OPD per test, so tests sharing one database never see each other's indicators. */
    static String freshOpd(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String base(String opd) {
        return base(TAHUN, opd);
    }

    static String base(int tahun, String opd) {
        return "/api/v1/indikator/" + PEMDA + "/" + tahun + "/" + opd;
    }

    static String subject(String opd, String kode, int nomor) {
        return PEMDA + "/" + TAHUN + "/" + opd + "/" + kode + "/" + nomor;
    }

    static String indikator(String nama, String satuan, String polaritas, String rumus, String target) {
        return "{\"nama\": \"" + nama + "\", \"satuan\": \"" + satuan + "\", \"polaritas\": \"" + polaritas + "\""
                + (rumus == null ? "" : ", \"rumus\": \"" + rumus + "\"") + ", \"target\": " + target + "}";
    }

    static String node(String kode, String... indikator) {
        return "{\"kode\": \"" + kode + "\", \"indikator\": [" + String.join(", ", indikator) + "]}";
    }

    static ValidatableResponse putNodes(String opd, String... nodes) {
        return given().contentType("application/json").body("[" + String.join(", ", nodes) + "]")
                .when().put(base(opd) + "/nodes").then();
    }

    static ValidatableResponse putProgres(String opd, String kode, int bulan, String persen) {
        return given().contentType("application/json").body("{\"persen\": " + persen + "}")
                .when().put(base(opd) + "/nodes/" + kode + "/progres/" + bulan).then();
    }

    static String progresSubject(String opd, String kode) {
        return PEMDA + "/" + TAHUN + "/" + opd + "/" + kode + "/progres";
    }

    static ValidatableResponse putRealisasi(String opd, String kode, int nomor, int bulan, String nilai) {
        return given().contentType("application/json").body("{\"nilai\": " + nilai + "}")
                .when().put(base(opd) + "/nodes/" + kode + "/indikator/" + nomor + "/realisasi/" + bulan).then();
    }
}
