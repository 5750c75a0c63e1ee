package id.capaian.indicator;

import static id.capaian.indicator.Api.base;
import static id.capaian.indicator.Api.freshOpd;
import static id.capaian.indicator.Api.indikator;
import static id.capaian.indicator.Api.node;
import static id.capaian.indicator.Api.putNodes;
import static id.capaian.indicator.Api.putRealisasi;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every write path leaves exactly one audit entry per changed indicator or month, with the values before
 * and after, the caller from the token, readable as JSON and CSV; a no-op or refused write leaves none;
 * nothing can rewrite the trail.
 */
@QuarkusTest
class AuditTrailTest {

    static final String ARG = indikator("ARG", "%", "positif", null, "65");
    static final String ARG_VALUES = "{\"nama\": \"ARG\", \"satuan\": \"%\", \"polaritas\": \"positif\", \"rumus\": null, \"target\": 65, \"agregasi\": \"akhir\", \"renstra\": null}";
    static final String UNMET = indikator("Unmet need", "%", "negatif", "selisih", "8.5");
    static final String UNMET_VALUES =
            "{\"nama\": \"Unmet need\", \"satuan\": \"%\", \"polaritas\": \"negatif\", \"rumus\": \"selisih\", \"target\": 8.5, \"agregasi\": \"akhir\", \"renstra\": null}";
    static final String TFR = indikator("Angka kelahiran total", "angka", "negatif", null, "2.1");
    static final String TFR_VALUES =
            "{\"nama\": \"Angka kelahiran total\", \"satuan\": \"angka\", \"polaritas\": \"negatif\", \"rumus\": null, \"target\": 2.1, \"agregasi\": \"akhir\", \"renstra\": null}";

    @Inject Db db;

    @Test
    void everyWritePathLeavesOneEntryPerChangedEntityWithItsValuesBeforeAndAfter() {
        String opd = freshOpd("AUD");
        Riwayat.Since trail = new Riwayat.Since(opd);

        // PUT /nodes: one indikator.buat per new indicator.
        putNodes(opd, node("2.08.02", ARG, UNMET), node("2.08.03", TFR)).statusCode(200);
        List<JsonNode> e = trail.next();
        assertThat(e).hasSize(3);
        assertEntry(e.get(0), opd, "indikator.buat", "2.08.02", "indikator/1", null, ARG_VALUES);
        assertEntry(e.get(1), opd, "indikator.buat", "2.08.02", "indikator/2", null, UNMET_VALUES);
        assertEntry(e.get(2), opd, "indikator.buat", "2.08.03", "indikator/1", null, TFR_VALUES);
        assertThat(e).allSatisfy(x -> {
            assertThat(x.get("pelaku").asText()).isEqualTo("dev-admin");
            assertThat(x.get("peran").toString()).isEqualTo("[\"admin\"]");
        });

        // The same lists again (65.0000 is 65): nothing changed, nothing recorded.
        putNodes(opd, node("2.08.02", indikator("ARG", "%", "positif", null, "65.0000"), UNMET), node("2.08.03", TFR))
                .statusCode(200);
        assertThat(trail.next()).isEmpty();

        // PUT one realisasi (JSON), first time: created.
        putRealisasi(opd, "2.08.02", 2, 6, "5").statusCode(200);
        assertThat(trail.next()).singleElement().satisfies(x -> assertEntry(x, opd, "realisasi.ubah", "2.08.02",
                "indikator/2/realisasi/6", null, "{\"nilai\": 5}"));

        // PUT /nodes with a changed target and a shorter list: one ubah, one hapus that keeps the realizations lost.
        putNodes(opd, node("2.08.02", indikator("ARG", "%", "positif", null, "70"))).statusCode(200);
        e = trail.next();
        assertThat(e).hasSize(2);
        assertEntry(e.get(0), opd, "indikator.ubah", "2.08.02", "indikator/1", ARG_VALUES, ARG_VALUES.replace("65", "70"));
        assertEntry(e.get(1), opd, "indikator.hapus", "2.08.02", "indikator/2",
                UNMET_VALUES.replace("}", ", \"realisasi\": {\"6\": 5}}"), null);

        // PUT one realisasi: JSON, the same value again (no entry), then text/plain.
        putRealisasi(opd, "2.08.02", 1, 12, "27.54").statusCode(200);
        putRealisasi(opd, "2.08.02", 1, 12, "27.540").statusCode(200);
        given().contentType("text/plain").body("30,5").when().put(base(opd) + "/nodes/2.08.02/indikator/1/realisasi/12")
                .then().statusCode(200);
        e = trail.next();
        assertThat(e).hasSize(2);
        assertEntry(e.get(0), opd, "realisasi.ubah", "2.08.02", "indikator/1/realisasi/12", null, "{\"nilai\": 27.54}");
        assertEntry(e.get(1), opd, "realisasi.ubah", "2.08.02", "indikator/1/realisasi/12", "{\"nilai\": 27.54}",
                "{\"nilai\": 30.5}");

        // PUT /realisasi/{bulan}: only the values that change are recorded.
        putBulk(opd, 12, "[{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 30.50}, {\"kode\": \"2.08.03\", \"nomor\": 1, \"nilai\": 2.2}]");
        assertThat(trail.next()).singleElement().satisfies(x -> assertEntry(x, opd, "realisasi.ubah", "2.08.03",
                "indikator/1/realisasi/12", null, "{\"nilai\": 2.2}"));
        putBulk(opd, 12, "[{\"kode\": \"2.08.03\", \"nomor\": 1, \"nilai\": 2.2}, {\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 31}]");
        assertThat(trail.next()).singleElement().satisfies(x -> assertEntry(x, opd, "realisasi.ubah", "2.08.02",
                "indikator/1/realisasi/12", "{\"nilai\": 30.5}", "{\"nilai\": 31}"));

        // DELETE one indicator: its values and realizations before, nothing after.
        given().when().delete(base(opd) + "/nodes/2.08.03/indikator/1").then().statusCode(204);
        assertThat(trail.next()).singleElement().satisfies(x -> assertEntry(x, opd, "indikator.hapus", "2.08.03",
                "indikator/1", TFR_VALUES.replace("}", ", \"realisasi\": {\"12\": 2.2}}"), null));

        // Refused writes commit nothing, so they leave nothing.
        given().when().delete(base(opd) + "/nodes/2.08.03/indikator/1").then().statusCode(404);
        putRealisasi(opd, "2.08.02", 1, 12, "-1").statusCode(422);
        putBulk(opd, 1, "[{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 1}, {\"kode\": \"2.08.02\", \"nomor\": 9, \"nilai\": 1}]", 404);
        assertThat(trail.next()).isEmpty();

        // The filter by node reads the same entries.
        assertThat(Riwayat.entries(Api.PEMDA, Api.TAHUN, opd, "2.08.03")).extracting(x -> x.get("aksi").asText())
                .containsExactly("indikator.buat", "realisasi.ubah", "indikator.hapus");
    }

    @Test
    void theOperatorsTokenSubjectIsRecordedAsPelaku() {
        String opd = freshOpd("AUDOP");
        putNodes(opd, node("2.08.02", ARG)).statusCode(200);
        String operator = TestTokens.token("operator", Api.PEMDA, opd);
        given().header("Authorization", TestTokens.bearer(operator)).contentType("application/json").body("{\"nilai\": 12.5}")
                .when().put(base(opd) + "/nodes/2.08.02/indikator/1/realisasi/3").then().statusCode(200);

        String subject = "dev-operator-" + opd.toLowerCase();
        JsonNode page = Riwayat.read(given().queryParam("pelaku", subject)
                .when().get(Riwayat.path(Api.PEMDA, Api.TAHUN)).then().statusCode(200).extract().asString());
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode x = page.get("items").get(0);
        assertEntry(x, opd, "realisasi.ubah", "2.08.02", "indikator/1/realisasi/3", null, "{\"nilai\": 12.5}");
        assertThat(x.get("pelaku").asText()).isEqualTo(subject);
        assertThat(x.get("nama").asText()).isEqualTo("Dev operator " + opd);
        assertThat(x.get("peran").toString()).isEqualTo("[\"operator\"]");
        assertThat(x.get("waktu").asText()).isNotBlank();
    }

    @Test
    void theCsvExportHoldsEveryEntryOldestFirst() {
        String opd = freshOpd("AUDCSV");
        putNodes(opd, node("2.08.02", ARG)).statusCode(200);
        putRealisasi(opd, "2.08.02", 1, 12, "27.54").statusCode(200);
        given().when().delete(base(opd) + "/nodes/2.08.02/indikator/1").then().statusCode(204);
        List<JsonNode> entries = Riwayat.entries(Api.PEMDA, Api.TAHUN, opd, null);
        assertThat(entries).hasSize(3);

        String csv = given().accept("text/csv").queryParam("opd", opd).when().get(Riwayat.path(Api.PEMDA, Api.TAHUN))
                .then().statusCode(200).header("Content-Type", startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("id;waktu;pelaku;nama;peran;aksi;pemda;tahun;opd;kode;entitas;sebelum;sesudah;trace_id");
        assertThat(lines).hasSize(4);
        for (int n = 0; n < 3; n++) {
            JsonNode x = entries.get(n);
            assertThat(lines.get(n + 1)).startsWith(x.get("id").asText() + ";")
                    .contains(";dev-admin;Dev admin;admin;" + x.get("aksi").asText() + ";63.10;2024;" + opd + ";2.08.02;"
                            + x.get("entitas").asText() + ";");
        }
        assertThat(lines.get(2)).contains(";indikator/1/realisasi/12;;\"{\"\"nilai\"\":27.54}\";");
        assertThat(lines.get(3)).contains(";indikator.hapus;").contains("\"\"realisasi\"\":{\"\"12\"\":27.54}");
    }

    @Test
    void theCsvExportNeverHoldsAFormula() {
        String opd = freshOpd("AUDFX");
        java.time.Instant now = java.time.Instant.now();
        String evil = TestTokens.tokens().mint(new id.capaian.testing.DevTokens.Claims("@evil-admin", "=1+2",
                List.of("admin"), Api.PEMDA, null, now, now.plus(java.time.Duration.ofHours(1))));
        given().header("Authorization", TestTokens.bearer(evil)).contentType("application/json")
                .body("[" + node("2.08.02", ARG) + "]")
                .when().put(base(opd) + "/nodes").then().statusCode(200);
        String csv = given().accept("text/csv").queryParam("opd", opd).when().get(Riwayat.path(Api.PEMDA, Api.TAHUN))
                .then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(";'@evil-admin;'=1+2;admin;indikator.buat;");
    }

    @Test
    void theAuditTableRefusesUpdateDeleteAndTruncateInTheDatabaseItself() {
        String opd = freshOpd("AUDSQL");
        putNodes(opd, node("2.08.02", ARG)).statusCode(200);
        long id = Riwayat.entries(Api.PEMDA, Api.TAHUN, opd, null).get(0).get("id").asLong();
        String snapshot = db.snapshot();
        for (String sql : List.of("UPDATE audit_trail SET pelaku = 'orang-lain' WHERE id = " + id,
                "DELETE FROM audit_trail WHERE id = " + id, "TRUNCATE audit_trail")) {
            assertThatThrownBy(() -> db.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(db.snapshot()).isEqualTo(snapshot);
        assertThat(Riwayat.entries(Api.PEMDA, Api.TAHUN, opd, null)).singleElement()
                .satisfies(x -> assertThat(x.get("pelaku").asText()).isEqualTo("dev-admin"));
    }

    private static void putBulk(String opd, int bulan, String body) {
        putBulk(opd, bulan, body, 200);
    }

    private static void putBulk(String opd, int bulan, String body, int status) {
        given().contentType("application/json").body(body).when().put(base(opd) + "/realisasi/" + bulan)
                .then().statusCode(status);
    }

    static void assertEntry(JsonNode e, String opd, String aksi, String kode, String entitas, String before, String after) {
        assertThat(e.get("aksi").asText()).as("aksi of %s", e).isEqualTo(aksi);
        assertThat(e.get("pemda").asText()).isEqualTo(Api.PEMDA);
        assertThat(e.get("tahun").asInt()).isEqualTo(Api.TAHUN);
        assertThat(e.get("opd").asText()).isEqualTo(opd);
        assertThat(e.get("kode").asText()).isEqualTo(kode);
        assertThat(e.get("entitas").asText()).isEqualTo(entitas);
        assertValues(e, "sebelum", before);
        assertValues(e, "sesudah", after);
    }

    /** Values compared as JSON (key order and 65 vs 65.0 aside); null: absent or null. */
    private static void assertValues(JsonNode e, String field, String expected) {
        JsonNode actual = e.path(field);
        if (expected == null) {
            assertThat(actual.isNull() || actual.isMissingNode()).as("%s of %s is null", field, e).isTrue();
        } else {
            assertThat(actual).as("%s of %s", field, e).isEqualTo(Riwayat.read(expected));
        }
    }
}
