package id.capaian.indicator;

import static id.capaian.indicator.Api.indikator;
import static id.capaian.indicator.Api.node;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule, table-driven: the refusal is a problem+json with the status and the fields at fault, and
 * nothing is written (indicators, realizations and outbox unchanged).
 */
@QuarkusTest
class IndicatorRulesTest {

    static final String OPD = "RULES";
    static final String BASE = "/api/v1/indikator/63.10/2024/" + OPD;
    static final String ARG = indikator("ARG", "%", "positif", null, "65");
    static final String REAL = BASE + "/nodes/2.08.02/indikator/1/realisasi/";
    static final String JSON = "application/json";
    static final String SUB = "2.08.02.2.01.0001";
    static final String PROG = BASE + "/nodes/" + SUB + "/progres/";

    @Inject Db db;

    /** The state every case runs against: ARG with 27.54 in December (idempotent, so announced once). */
    @BeforeEach
    void base() {
        Api.putNodes(OPD, node("2.08.02", ARG)).statusCode(200);
        Api.putRealisasi(OPD, "2.08.02", 1, 12, "27.54").statusCode(200);
        Api.putProgres(OPD, SUB, 6, "45.5").statusCode(200);
    }

    record Case(String method, String path, String contentType, String body, int status, String[] fields) {
    }

    static Arguments c(String name, String method, String path, String contentType, String body, int status,
            String... fields) {
        return Arguments.of(Named.of(name, new Case(method, path, contentType, body, status, fields)));
    }

    static String nodes(String... nodes) {
        return "[" + String.join(", ", nodes) + "]";
    }

    static String ind(String nama, String satuan, String polaritas, String rumus, String target) {
        return indikator(nama, satuan, polaritas, rumus, target);
    }

    /** A positif/negatif indicator stating its agregasi. */
    static String agregasi(String polaritas, String agregasi) {
        return "{\"nama\": \"A\", \"satuan\": \"%\", \"polaritas\": \"" + polaritas + "\", \"target\": 1, \"agregasi\": \""
                + agregasi + "\"}";
    }

    /** An indicator with Renstra values (JSON literals). */
    static String renstra(String target, String realisasiSebelumnya) {
        return "{\"nama\": \"A\", \"satuan\": \"%\", \"polaritas\": \"positif\", \"target\": 1, \"renstra\": {\"target\": "
                + target + ", \"realisasiSebelumnya\": " + realisasiSebelumnya + "}}";
    }

    static Stream<Arguments> cases() {
        String put = "PUT";
        String n = BASE + "/nodes";
        return Stream.of(
                // the node lists
                c("malformed kode", put, n, JSON, nodes(node("2.8.02", ARG)), 422, "[0].kode"),
                c("missing kode", put, n, JSON, "[{\"indikator\": []}]", 422, "[0].kode"),
                c("missing indikator list", put, n, JSON, "[{\"kode\": \"2.08.02\"}]", 422, "[0].indikator"),
                c("unknown polaritas", put, n, JSON, nodes(node("2.08.02", ind("A", "%", "naik", null, "1"))), 422,
                        "[0].indikator[0].polaritas"),
                c("unknown rumus", put, n, JSON, nodes(node("2.08.02", ind("A", "%", "negatif", "persen", "1"))), 422,
                        "[0].indikator[0].rumus"),
                c("rumus on a positif indicator", put, n, JSON,
                        nodes(node("2.08.02", ind("A", "%", "positif", "selisih", "1"))), 422, "[0].indikator[0].rumus"),
                c("blank nama", put, n, JSON, nodes(node("2.08.02", ind("  ", "%", "positif", null, "1"))), 422,
                        "[0].indikator[0].nama"),
                c("blank satuan", put, n, JSON, nodes(node("2.08.02", ind("A", "", "positif", null, "1"))), 422,
                        "[0].indikator[0].satuan"),
                c("missing target", put, n, JSON,
                        "[{\"kode\": \"2.08.02\", \"indikator\": [{\"nama\": \"A\", \"satuan\": \"%\", \"polaritas\": \"positif\"}]}]",
                        422, "[0].indikator[0].target"),
                c("negative target", put, n, JSON, nodes(node("2.08.02", ind("A", "%", "positif", null, "-1"))), 422,
                        "[0].indikator[0].target"),
                c("over-precise target", put, n, JSON, nodes(node("2.08.02", ind("A", "%", "positif", null, "1.23456"))),
                        422, "[0].indikator[0].target"),
                c("target of 10^15", put, n, JSON, nodes(node("2.08.02", ind("A", "%", "positif", null, "1e15"))), 422,
                        "[0].indikator[0].target"),
                c("NaN target", put, n, JSON, nodes(node("2.08.02", ind("A", "%", "positif", null, "NaN"))), 400),
                c("infinite target", put, n, JSON, nodes(node("2.08.02", ind("A", "%", "positif", null, "Infinity"))),
                        400),
                c("target as a string", put, n, JSON, nodes(node("2.08.02", ind("A", "%", "positif", null, "\"65\""))),
                        400, "[0].indikator[0].target"),
                c("duplicate kode", put, n, JSON, nodes(node("2.08.02", ARG), node("2.08.02", ARG)), 422, "[1].kode"),
                c("every fault of a bulk request", put, n, JSON,
                        nodes(node("2.08.02", ARG), node("2.08.03", ARG, ind("", "%", "positif", null, "-2"))), 422,
                        "[1].indikator[1].nama", "[1].indikator[1].target"),
                c("malformed pemda", put, "/api/v1/indikator/6310/2024/RULES/nodes", JSON, nodes(node("2.08.02", ARG)),
                        422, "pemda"),
                c("tahun outside 2000..2100", put, "/api/v1/indikator/63.10/1999/RULES/nodes", JSON,
                        nodes(node("2.08.02", ARG)), 422, "tahun"),
                c("malformed opd", put, "/api/v1/indikator/63.10/2024/rules/nodes", JSON, nodes(node("2.08.02", ARG)),
                        422, "opd"),
                c("path and body faults together", put, "/api/v1/indikator/63.1/2101/RULES/nodes", JSON,
                        nodes(node("x", ARG)), 422, "pemda", "tahun", "[0].kode"),
                c("body not JSON", put, n, JSON, "[{", 400),
                c("unknown field", put, n, JSON, "[{\"kode\": \"2.08.02\", \"indikator\": [], \"extra\": 1}]", 400,
                        "[0].extra"),
                // agregasi, renstra, sasaran
                c("unknown agregasi", put, n, JSON, nodes(node("2.08.02", agregasi("positif", "rata-rata"))), 422,
                        "[0].indikator[0].agregasi"),
                c("agregasi jumlah on a negatif indicator", put, n, JSON, nodes(node("2.08.02", agregasi("negatif", "jumlah"))),
                        422, "[0].indikator[0].agregasi"),
                c("negative renstra target", put, n, JSON, nodes(node("2.08.02", renstra("-1", "null"))), 422,
                        "[0].indikator[0].renstra.target"),
                c("over-precise renstra realisasi", put, n, JSON, nodes(node("2.08.02", renstra("90", "1.23456"))), 422,
                        "[0].indikator[0].renstra.realisasiSebelumnya"),
                c("renstra of 10^15", put, n, JSON, nodes(node("2.08.02", renstra("1e15", "1e15"))), 422,
                        "[0].indikator[0].renstra.target", "[0].indikator[0].renstra.realisasiSebelumnya"),
                c("sasaran of a kegiatan", put, n, JSON,
                        "[{\"kode\": \"2.08.02.2.01\", \"indikator\": [], \"sasaran\": \"Sasaran\"}]", 422, "[0].sasaran"),
                c("sasaran of a sub kegiatan", put, n, JSON,
                        "[{\"kode\": \"" + SUB + "\", \"indikator\": [], \"sasaran\": \"Sasaran\"}]", 422, "[0].sasaran"),
                c("sasaran over 2000 characters", put, n, JSON,
                        "[{\"kode\": \"2.08.02\", \"indikator\": [], \"sasaran\": \"" + "x".repeat(2001) + "\"}]", 422,
                        "[0].sasaran"),
                // one physical progress
                c("progres 101", put, PROG + "6", JSON, "{\"persen\": 101}", 422, "persen"),
                c("progres -1", put, PROG + "6", JSON, "{\"persen\": -1}", 422, "persen"),
                c("progres as a string", put, PROG + "6", JSON, "{\"persen\": \"abc\"}", 422, "persen"),
                c("progres with 3 decimals", put, PROG + "6", JSON, "{\"persen\": 45.555}", 422, "persen"),
                c("progres null", put, PROG + "6", JSON, "{\"persen\": null}", 422, "persen"),
                c("progres missing", put, PROG + "6", JSON, "{}", 422, "persen"),
                c("progres text abc", put, PROG + "6", "text/plain", "abc", 422, "persen"),
                c("progres text 100,01", put, PROG + "6", "text/plain", "100,01", 422, "persen"),
                c("progres text with 3 decimals", put, PROG + "6", "text/plain", "45,555", 422, "persen"),
                c("progres of a program", put, BASE + "/nodes/2.08.02/progres/6", JSON, "{\"persen\": 1}", 422, "kode"),
                c("progres of a kegiatan", put, BASE + "/nodes/2.08.02.2.01/progres/6", JSON, "{\"persen\": 1}", 422, "kode"),
                c("progres bulan 13", put, PROG + "13", JSON, "{\"persen\": 1}", 422, "bulan"),
                c("progres bulan 0 and persen 101", put, PROG + "0", JSON, "{\"persen\": 101}", 422, "bulan", "persen"),
                c("progres unknown field", put, PROG + "6", JSON, "{\"persen\": 1, \"nilai\": 1}", 400, "nilai"),
                c("progres body not JSON", put, PROG + "6", JSON, "{\"persen\": ", 400),
                c("read progres of a program", "GET", BASE + "/nodes/2.08.02/progres", null, null, 422, "kode"),
                // many physical progresses
                c("progres bulk: every fault with its index", put, BASE + "/progres/6", JSON,
                        "[{\"kode\": \"" + SUB + "\", \"persen\": 50}, {\"kode\": \"2.08.02\", \"persen\": 101}, "
                                + "{\"kode\": \"2.08.02.2.01.0002\", \"persen\": \"abc\"}, {\"kode\": \"2.08.02.2.01.0003\", \"persen\": 1.001}, "
                                + "{\"kode\": \"" + SUB + "\", \"persen\": 60}, null]",
                        422, "[1].kode", "[1].persen", "[2].persen", "[3].persen", "[4].kode", "[5]"),
                c("progres bulk: bulan 13", put, BASE + "/progres/13", JSON, "[{\"kode\": \"" + SUB + "\", \"persen\": 1}]",
                        422, "bulan"),
                c("progres bulk: not an array", put, BASE + "/progres/6", JSON, "{\"kode\": \"" + SUB + "\"}", 400),
                // one realization
                c("bulan 13", put, REAL + "13", JSON, "{\"nilai\": 1}", 422, "bulan"),
                c("bulan 0", put, REAL + "0", JSON, "{\"nilai\": 1}", 422, "bulan"),
                c("negative nilai", put, REAL + "12", JSON, "{\"nilai\": -1}", 422, "nilai"),
                c("over-precise nilai", put, REAL + "12", JSON, "{\"nilai\": 27.54321}", 422, "nilai"),
                c("nilai of 10^15", put, REAL + "12", JSON, "{\"nilai\": 1000000000000000}", 422, "nilai"),
                c("missing nilai", put, REAL + "12", JSON, "{}", 422, "nilai"),
                c("nilai as a string", put, REAL + "12", JSON, "{\"nilai\": \"27,54\"}", 400, "nilai"),
                c("NaN nilai", put, REAL + "12", JSON, "{\"nilai\": NaN}", 400, "body"),
                c("text/plain not a number", put, REAL + "12", "text/plain", "27.54x", 400, "nilai"),
                c("text/plain NaN", put, REAL + "12", "text/plain", "NaN", 400, "nilai"),
                c("text/plain negative", put, REAL + "12", "text/plain", "-1", 422, "nilai"),
                c("text/plain over-precise", put, REAL + "12", "text/plain", "27,54321", 422, "nilai"),
                c("malformed kode in the path", put, BASE + "/nodes/2.08.x/indikator/1/realisasi/12", JSON,
                        "{\"nilai\": 1}", 422, "kode"),
                c("unknown indicator", put, BASE + "/nodes/2.08.02/indikator/9/realisasi/12", JSON, "{\"nilai\": 1}",
                        404, "nomor"),
                c("unknown node", put, BASE + "/nodes/2.08.09/indikator/1/realisasi/12", JSON, "{\"nilai\": 1}", 404,
                        "nomor"),
                // many realizations
                c("bulk: bulan 13", put, BASE + "/realisasi/13", JSON, "[{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 1}]",
                        422, "bulan"),
                c("bulk: duplicate indicator", put, BASE + "/realisasi/12", JSON,
                        "[{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 1}, {\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 2}]",
                        422, "[1].nomor"),
                c("bulk: every fault", put, BASE + "/realisasi/12", JSON,
                        "[{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": -1}, {\"kode\": \"x\", \"nomor\": 0, \"nilai\": 1.00001}]",
                        422, "[0].nilai", "[1].kode", "[1].nomor", "[1].nilai"),
                c("bulk: one unknown indicator writes nothing", put, BASE + "/realisasi/12", JSON,
                        "[{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 30}, {\"kode\": \"2.08.02\", \"nomor\": 7, \"nilai\": 1}]",
                        404, "[1].nomor"),
                // removal and reads
                c("remove an unknown indicator", "DELETE", BASE + "/nodes/2.08.02/indikator/5", null, null, 404, "nomor"),
                c("remove with nomor 0", "DELETE", BASE + "/nodes/2.08.02/indikator/0", null, null, 422, "nomor"),
                c("read an unknown node", "GET", BASE + "/nodes/2.08.05", null, null, 404, "kode"),
                c("read as of bulan 13", "GET", BASE + "?bulan=13", null, null, 422, "bulan"),
                c("series of an unknown indicator", "GET", BASE + "/nodes/2.08.02/indikator/3/realisasi", null, null, 404,
                        "nomor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithAProblemAndNothingWritten(Case c) {
        String before = db.snapshot();
        RequestSpecification r = given();
        if (c.contentType() != null) {
            r = r.contentType(c.contentType()).body(c.body());
        }
        var then = r.when().request(c.method(), c.path())
                .then().statusCode(c.status())
                .contentType("application/problem+json")
                .body("status", is(c.status()));
        if (c.fields().length > 0) {
            then.body("errors.field", containsInAnyOrder((Object[]) c.fields()));
        } // else: an unparseable body, answered by core's generic 400 problem without errors[] (see report)
        assertThat(db.snapshot()).as("database and outbox unchanged").isEqualTo(before);
    }
}
