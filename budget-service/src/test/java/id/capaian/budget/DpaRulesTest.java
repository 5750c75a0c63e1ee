package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule, table-driven, on the seed's DPA: the status, the problem's type and field at fault, and that
 * nothing was written (the DPA's rows, its realizations and its outbox rows are as before).
 */
@QuarkusTest
class DpaRulesTest {

    static final String OPD = Seed.newOpd("RULES");
    static final String OTHER = Seed.newOpd("NOPE");
    static boolean loaded;

    @Inject DataSource ds;

    @BeforeEach
    void seed() {
        if (!loaded) {
            Seed.load(OPD);
            loaded = true;
        }
    }

    static final String SUB = "2.08.02.2.01.0003"; // pagu 73810300, realisasi (month 12) 55926300
    static final String KEG = "2.08.02.2.01";

    static Arguments rule(String name, String method, String path, String body, int status, String type, String field) {
        return Arguments.of(name, method, path, body, status, type, field);
    }

    static Stream<Arguments> rules() {
        String v = "validasi";
        String bad = "permintaan-tidak-valid";
        String nf = "tidak-ditemukan";
        return Stream.of(
                // PUT /nodes
                rule("malformed code", "PUT", "/nodes", "[{\"kode\": \"2.8.02\", \"uraian\": \"x\"}]", 422, v, "[0].kode"),
                rule("code too deep", "PUT", "/nodes", "[{\"kode\": \"2.08.02.2.01.0003.1\", \"uraian\": \"x\"}]", 422, v, "[0].kode"),
                rule("code missing", "PUT", "/nodes", "[{\"uraian\": \"x\"}]", 422, v, "[0].kode"),
                rule("parent missing", "PUT", "/nodes", "[{\"kode\": \"2.08.09.2.01\", \"uraian\": \"x\"}]", 422, v, "[0].kode"),
                rule("sub kegiatan's kegiatan missing", "PUT", "/nodes",
                        "[{\"kode\": \"2.08.02.2.09.0001\", \"uraian\": \"x\", \"pagu\": 1}]", 422, v, "[0].kode"),
                rule("pagu on a program", "PUT", "/nodes", "[{\"kode\": \"2.08.02\", \"uraian\": \"P\", \"pagu\": 1}]", 422, v, "[0].pagu"),
                rule("pagu on a kegiatan", "PUT", "/nodes", "[{\"kode\": \"" + KEG + "\", \"uraian\": \"K\", \"pagu\": 0}]", 422, v, "[0].pagu"),
                rule("pagu missing on a sub kegiatan", "PUT", "/nodes", "[{\"kode\": \"" + KEG + ".0099\", \"uraian\": \"x\"}]", 422, v, "[0].pagu"),
                rule("negative pagu", "PUT", "/nodes", "[{\"kode\": \"" + KEG + ".0099\", \"uraian\": \"x\", \"pagu\": -1}]", 422, v, "[0].pagu"),
                rule("pagu with 3 decimals", "PUT", "/nodes", "[{\"kode\": \"" + KEG + ".0099\", \"uraian\": \"x\", \"pagu\": 1.001}]", 422, v, "[0].pagu"),
                rule("pagu of 10^15", "PUT", "/nodes", "[{\"kode\": \"" + KEG + ".0099\", \"uraian\": \"x\", \"pagu\": 1E15}]", 422, v, "[0].pagu"),
                rule("blank uraian", "PUT", "/nodes", "[{\"kode\": \"" + KEG + ".0099\", \"uraian\": \"  \", \"pagu\": 1}]", 422, v, "[0].uraian"),
                rule("uraian missing", "PUT", "/nodes", "[{\"kode\": \"2.08.02\"}]", 422, v, "[0].uraian"),
                rule("duplicate code", "PUT", "/nodes", "[{\"kode\": \"" + KEG + ".0099\", \"uraian\": \"x\", \"pagu\": 1},"
                        + "{\"kode\": \"" + KEG + ".0099\", \"uraian\": \"y\", \"pagu\": 2}]", 422, v, "[1].kode"),
                rule("every fault of a bulk request, the valid items not written", "PUT", "/nodes",
                        "[{\"kode\": \"2.08.08\", \"uraian\": \"Program baru\"}, {\"kode\": \"2.08.08.2.01\", \"uraian\": \"K\", \"pagu\": 5},"
                                + "{\"kode\": \"2.08.08.2.01.0001\", \"uraian\": \"S\", \"pagu\": 10},"
                                + "{\"kode\": \"2.08.08.2.01.0002\", \"uraian\": \"S\", \"pagu\": 10.123}]", 422, v, "[1].pagu,[3].pagu"),
                rule("null item", "PUT", "/nodes", "[null]", 422, v, "[0]"),
                rule("pagu lowered below the realization", "PUT", "/nodes",
                        "[{\"kode\": \"" + SUB + "\", \"uraian\": \"x\", \"pagu\": 50000000}]", 409, "pagu-di-bawah-realisasi", "[0].pagu"),
                rule("not JSON", "PUT", "/nodes", "[{\"kode\": ", 400, bad, "[0]"),
                rule("an object, not an array", "PUT", "/nodes", "{\"kode\": \"2.08.02\"}", 400, bad, "body"),
                rule("pagu as a string", "PUT", "/nodes", "[{\"kode\": \"" + KEG + ".0099\", \"uraian\": \"x\", \"pagu\": \"100\"}]", 400, bad, "[0].pagu"),
                rule("NaN pagu", "PUT", "/nodes", "[{\"kode\": \"" + KEG + ".0099\", \"uraian\": \"x\", \"pagu\": NaN}]", 400, bad, "[0]"),
                rule("unknown field", "PUT", "/nodes", "[{\"kode\": \"2.08.02\", \"uraian\": \"x\", \"realisasi\": 1}]", 400, bad, "[0].realisasi"),
                rule("tahun out of range", "PUT", "/api/v1/dpa/63.10/1999/{opd}/nodes", "[]", 400, bad, "tahun"),
                // realization of one sub kegiatan
                rule("realization above the pagu", "PUT", "/nodes/" + SUB + "/realisasi/12", "{\"jumlah\": 80000000}", 422,
                        "realisasi-melebihi-pagu", "jumlah"),
                rule("negative realization", "PUT", "/nodes/" + SUB + "/realisasi/12", "{\"jumlah\": -5}", 422, v, "jumlah"),
                rule("realization with 3 decimals", "PUT", "/nodes/" + SUB + "/realisasi/12", "{\"jumlah\": 5.555}", 422, v, "jumlah"),
                rule("realization missing", "PUT", "/nodes/" + SUB + "/realisasi/12", "{}", 422, v, "jumlah"),
                rule("realization as a string", "PUT", "/nodes/" + SUB + "/realisasi/12", "{\"jumlah\": \"5\"}", 400, bad, "jumlah"),
                rule("realization not JSON", "PUT", "/nodes/" + SUB + "/realisasi/12", "jumlah=5", 400, bad, "body"),
                rule("bulan 13", "PUT", "/nodes/" + SUB + "/realisasi/13", "{\"jumlah\": 5}", 400, bad, "bulan"),
                rule("bulan 0", "PUT", "/nodes/" + SUB + "/realisasi/0", "{\"jumlah\": 5}", 400, bad, "bulan"),
                rule("bulan not a number", "PUT", "/nodes/" + SUB + "/realisasi/des", "{\"jumlah\": 5}", 400, bad, "bulan"),
                rule("realization on a kegiatan", "PUT", "/nodes/" + KEG + "/realisasi/12", "{\"jumlah\": 5}", 422, v, "kode"),
                rule("realization of an unknown node", "PUT", "/nodes/2.08.02.2.01.0999/realisasi/12", "{\"jumlah\": 5}", 404, nf, "kode"),
                rule("malformed code in the path", "PUT", "/nodes/2.08.2/realisasi/12", "{\"jumlah\": 5}", 400, bad, "kode"),
                rule("realization in an unknown DPA", "PUT", "/api/v1/dpa/63.10/2024/{other}/nodes/" + SUB + "/realisasi/12", "{\"jumlah\": 5}", 404, nf, null),
                rule("malformed pemda", "PUT", "/api/v1/dpa/6310/2024/{opd}/nodes/" + SUB + "/realisasi/12", "{\"jumlah\": 5}", 400, bad, "pemda"),
                rule("malformed opd", "PUT", "/api/v1/dpa/63.10/2024/p3ap2kb/nodes/" + SUB + "/realisasi/12", "{\"jumlah\": 5}", 400, bad, "opd"),
                // realizations in bulk
                rule("bulk: above a pagu", "PUT", "/realisasi/12", "[{\"kode\": \"" + SUB + "\", \"jumlah\": 1},"
                        + "{\"kode\": \"2.08.02.2.01.0004\", \"jumlah\": 11296600.01}]", 422, "realisasi-melebihi-pagu", "[1].jumlah"),
                rule("bulk: unknown sub kegiatan", "PUT", "/realisasi/12", "[{\"kode\": \"2.08.02.2.01.0999\", \"jumlah\": 1}]", 422, v, "[0].kode"),
                rule("bulk: a kegiatan", "PUT", "/realisasi/12", "[{\"kode\": \"" + KEG + "\", \"jumlah\": 1}]", 422, v, "[0].kode"),
                rule("bulk: duplicate", "PUT", "/realisasi/12", "[{\"kode\": \"" + SUB + "\", \"jumlah\": 1},"
                        + "{\"kode\": \"" + SUB + "\", \"jumlah\": 2}]", 422, v, "[1].kode"),
                rule("bulk: negative", "PUT", "/realisasi/12", "[{\"kode\": \"" + SUB + "\", \"jumlah\": 1}, {\"kode\": \"2.08.02.2.01.0004\", \"jumlah\": -1}]",
                        422, v, "[1].jumlah"),
                rule("bulk: bulan 13", "PUT", "/realisasi/13", "[]", 400, bad, "bulan"),
                // pagu murni and renstra
                rule("paguMurni on a kegiatan", "PUT", "/nodes", "[{\"kode\": \"" + KEG + "\", \"uraian\": \"K\", \"paguMurni\": 1}]", 422, v, "[0].paguMurni"),
                rule("paguMurni with 3 decimals", "PUT", "/nodes", "[{\"kode\": \"" + KEG + ".0099\", \"uraian\": \"x\", \"pagu\": 1, \"paguMurni\": 1.001}]", 422, v, "[0].paguMurni"),
                rule("negative paguMurni", "PUT", "/nodes", "[{\"kode\": \"" + SUB + "\", \"uraian\": \"x\", \"pagu\": 73810300, \"paguMurni\": -1}]", 422, v, "[0].paguMurni"),
                rule("negative renstra", "PUT", "/nodes", "[{\"kode\": \"2.08.02\", \"uraian\": \"P\", \"renstra\": {\"pagu\": -1, \"realisasiSebelumnya\": 1.005}}]",
                        422, v, "[0].renstra.pagu,[0].renstra.realisasiSebelumnya"),
                rule("renstra on an urusan", "PUT", "/nodes", "[{\"kode\": \"2.08\", \"uraian\": \"U\", \"renstra\": {\"pagu\": 1, \"realisasiSebelumnya\": 1}}]", 422, v, "[0].renstra"),
                rule("renstra with an unknown field", "PUT", "/nodes", "[{\"kode\": \"2.08.02\", \"uraian\": \"P\", \"renstra\": {\"target\": 1}}]", 400, bad, "[0].renstra.target"),
                // the cash plan (RAK) of one sub kegiatan
                rule("RAK of 11 amounts", "PUT", "/nodes/" + SUB + "/rak", "{\"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}", 422, v, "bulan"),
                rule("RAK of 13 amounts", "PUT", "/nodes/" + SUB + "/rak", "{\"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}", 422, v, "bulan"),
                rule("RAK with a negative amount", "PUT", "/nodes/" + SUB + "/rak", "{\"bulan\": [1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1]}", 422, v, "bulan[3]"),
                rule("RAK with text", "PUT", "/nodes/" + SUB + "/rak", "{\"bulan\": [1, 1, 1, \"abc\", 1, 1, 1, 1, 1, 1, 1, 1]}", 422, v, "bulan[3]"),
                rule("RAK with 3 decimals", "PUT", "/nodes/" + SUB + "/rak", "{\"bulan\": [1, 1, 1, 1.001, 1, 1, 1, 1, 1, 1, 1, 1]}", 422, v, "bulan[3]"),
                rule("RAK with a null item", "PUT", "/nodes/" + SUB + "/rak", "{\"bulan\": [1, 1, 1, null, 1, 1, 1, 1, 1, 1, 1, 1]}", 422, v, "bulan[3]"),
                rule("RAK with every fault at once", "PUT", "/nodes/" + SUB + "/rak", "{\"bulan\": [1E15, 1, -2, null, 1, 1, 1, \"x\", 1, 1, 1, 1]}",
                        422, v, "bulan[0],bulan[2],bulan[3],bulan[7]"),
                rule("RAK not an array", "PUT", "/nodes/" + SUB + "/rak", "{\"bulan\": 73810300}", 422, v, "bulan"),
                rule("RAK missing", "PUT", "/nodes/" + SUB + "/rak", "{}", 422, v, "bulan"),
                rule("RAK on a kegiatan", "PUT", "/nodes/" + KEG + "/rak", "{\"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}", 422, v, "kode"),
                rule("RAK of an unknown node", "PUT", "/nodes/2.08.02.2.01.0999/rak", "{\"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}", 404, nf, "kode"),
                rule("RAK in an unknown DPA", "PUT", "/api/v1/dpa/63.10/2024/{other}/nodes/" + SUB + "/rak", "{\"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}", 404, nf, null),
                rule("RAK not JSON", "PUT", "/nodes/" + SUB + "/rak", "{\"bulan\": [1,", 400, bad, "body"),
                rule("RAK an array, not an object", "PUT", "/nodes/" + SUB + "/rak", "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]", 400, bad, "body"),
                rule("RAK with an unknown field", "PUT", "/nodes/" + SUB + "/rak", "{\"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], \"tahun\": 2024}", 400, bad, "tahun"),
                rule("RAK read before one is set", "GET", "/nodes/" + SUB + "/rak", null, 404, nf, "kode"),
                rule("RAK read of a kegiatan", "GET", "/nodes/" + KEG + "/rak", null, 422, v, "kode"),
                // cash plans in bulk
                rule("bulk RAK: one bad item, the valid ones not written", "PUT", "/rak",
                        "[{\"kode\": \"" + SUB + "\", \"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]},"
                                + "{\"kode\": \"2.08.02.2.01.0004\", \"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]},"
                                + "{\"kode\": \"2.08.02.2.02.0001\", \"bulan\": [1, 1, 1, 1, -4, 1, 1, 1, 1, 1, 1, 1]}]", 422, v, "[2].bulan[4]"),
                rule("bulk RAK: 11 amounts", "PUT", "/rak", "[{\"kode\": \"" + SUB + "\", \"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}]", 422, v, "[0].bulan"),
                rule("bulk RAK: a kegiatan", "PUT", "/rak", "[{\"kode\": \"" + KEG + "\", \"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}]", 422, v, "[0].kode"),
                rule("bulk RAK: unknown sub kegiatan", "PUT", "/rak", "[{\"kode\": \"2.08.02.2.01.0999\", \"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}]", 422, v, "[0].kode"),
                rule("bulk RAK: duplicate", "PUT", "/rak", "[{\"kode\": \"" + SUB + "\", \"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]},"
                        + "{\"kode\": \"" + SUB + "\", \"bulan\": [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}]", 422, v, "[1].kode"),
                rule("bulk RAK: null item", "PUT", "/rak", "[null]", 422, v, "[0]"),
                rule("bulk RAK: an object, not an array", "PUT", "/rak", "{\"kode\": \"" + SUB + "\"}", 400, bad, "body"),
                rule("bulk RAK: kode not text", "PUT", "/rak", "[{\"kode\": 2, \"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}]", 400, bad, "[0].kode"),
                // removal
                rule("remove a node with realization", "DELETE", "/nodes/" + SUB, null, 409, "node-punya-realisasi", "kode"),
                rule("remove a node with children", "DELETE", "/nodes/" + KEG, null, 409, "node-punya-anak", "kode"),
                rule("remove an unknown node", "DELETE", "/nodes/2.08.02.2.01.0999", null, 404, nf, "kode"),
                // reads
                rule("read as of month 13", "GET", "?bulan=13", null, 400, bad, "bulan"),
                rule("read an unknown node", "GET", "/nodes/2.08.09", null, 404, nf, "kode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aRuleIsRefusedWithAProblemAndNothingIsWritten(String name, String method, String path, String body, int status,
            String type, String field) {
        String before = Seed.snapshot(ds, OPD);
        String otherBefore = Seed.snapshot(ds, OTHER);
        String url = (path.startsWith("/api/") ? path : Seed.base(OPD) + path).replace("{opd}", OPD).replace("{other}", OTHER);
        var request = given().contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        var response = request.request(method, url);
        var then = response.then().statusCode(status).contentType("application/problem+json")
                .body("status", is(status)).body("type", is("/problems/" + type));
        if (field != null) {
            then.body("errors.field", hasItems(field.split(",")));
        }
        assertThat(Seed.snapshot(ds, OPD)).as("the DPA after '%s'", name).isEqualTo(before);
        assertThat(Seed.snapshot(ds, OTHER)).isEqualTo(otherBefore);
    }
}
