package id.capaian.indicator;

import static id.capaian.indicator.Api.base;
import static id.capaian.indicator.Api.freshOpd;
import static id.capaian.indicator.Api.indikator;
import static id.capaian.indicator.Api.node;
import static id.capaian.indicator.Api.putNodes;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The nodes PUT with {@code lainnya=pertahankan} (what an import of a table sends) keeps the indicators beyond
 * a node's list as they are; by default they are removed, and an unknown value is a 400 naming the parameter.
 */
@QuarkusTest
class KeepOthersTest {

    static final String ARG = indikator("ARG", "%", "positif", null, "65");
    static final String PPRG = indikator("Perangkat daerah PPRG", "%", "positif", null, "80");
    static final String ARG_NEW = indikator("ARG", "%", "positif", null, "70");

    @Test
    void indicatorsBeyondTheListAreKeptOnlyWhenAsked() {
        String opd = freshOpd("KEEP");
        putNodes(opd, node("2.08.02", ARG, PPRG)).statusCode(200);
        given().contentType("application/json").body("[" + node("2.08.02", ARG_NEW) + "]")
                .put(base(opd) + "/nodes?lainnya=pertahankan").then().statusCode(200)
                .body("nomor", contains(1, 2)).body("[0].target", equalTo(70)).body("[1].nama", equalTo("Perangkat daerah PPRG"));
        given().get(base(opd) + "/nodes/2.08.02").then().statusCode(200).body("nomor", contains(1, 2));

        given().contentType("application/json").body("[" + node("2.08.02", ARG_NEW) + "]")
                .put(base(opd) + "/nodes?lainnya=semua").then().statusCode(400).body("errors[0].field", equalTo("lainnya"));
        given().get(base(opd) + "/nodes/2.08.02").then().statusCode(200).body("nomor", contains(1, 2));

        putNodes(opd, node("2.08.02", ARG_NEW)).statusCode(200).body("nomor", contains(1));
        given().get(base(opd) + "/nodes/2.08.02").then().statusCode(200).body("nomor", contains(1));
    }
}
