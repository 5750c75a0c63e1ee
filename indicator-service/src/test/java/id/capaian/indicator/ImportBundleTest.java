package id.capaian.indicator;

import static id.capaian.indicator.Api.base;
import static id.capaian.indicator.Api.freshOpd;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** PUT impor: indicators, realizations and progress in one transaction; its dry run leaves no trace. */
@QuarkusTest
class ImportBundleTest {

    static final String BUNDLE = """
            {"nodes": [{"kode": "2.08.02", "indikator": [{"nama": "ARG", "satuan": "%s", "polaritas": "positif", "target": 65}]},
                       {"kode": "2.08.02.2.01.0003", "indikator": [{"nama": "Perangkat daerah", "satuan": "perangkat daerah",
                        "polaritas": "positif", "target": 50}]}],
             "realisasi": [{"bulan": 12, "items": [{"kode": "2.08.02", "nomor": 1, "nilai": 27.54},
                                                   {"kode": "2.08.02.2.01.0003", "nomor": 1, "nilai": 50}]}],
             "progres": [{"bulan": 12, "items": [{"kode": "2.08.02.2.01.0003", "persen": %s}]}]}""";

    @Inject Db db;

    @Test
    void aDryRunRunsEveryRuleAndLeavesNoTraceThenTheBundleIsWritten() {
        String opd = freshOpd("IMPOR");
        String before = db.snapshot();
        String trail = db.trailIds();
        given().contentType("application/json").body(BUNDLE.formatted("%", "100")).queryParam("dryRun", true)
                .queryParam("lainnya", "pertahankan").put(base(opd) + "/impor").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("indikator.size()", equalTo(2))
                .body("indikator[0].realisasi", equalTo(27.54f)).body("progres[0].created", equalTo(1));
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(db.trailIds()).as("a dry run serializes and inserts no event or audit entry").isEqualTo(trail);
        given().get(base(opd)).then().statusCode(200).body("size()", equalTo(0));

        given().contentType("application/json").body(BUNDLE.formatted("%", "100")).queryParam("lainnya", "pertahankan")
                .put(base(opd) + "/impor").then().statusCode(200).body("dryRun", equalTo(false));
        given().get(base(opd)).then().statusCode(200).body("size()", equalTo(2));
        assertThat(db.snapshot()).isNotEqualTo(before);
        assertThat(db.trailIds()).isNotEqualTo(trail);
        // Listed and realized by one import: one version, one event with its final state.
        assertThat(db.outboxVersions(Api.subject(opd, "2.08.02", 1))).containsExactly(1L);
        assertThat(db.outboxPayloads(Api.subject(opd, "2.08.02", 1)).get(0)).contains("27.54");
        assertThat(db.outboxVersions(Api.progresSubject(opd, "2.08.02.2.01.0003"))).containsExactly(1L);
    }

    @Test
    void anImportAgainChangesNothingAndAChangedOneTakesOneVersionForItsListAndItsMonth() {
        String opd = freshOpd("ULANG");
        put(opd, BUNDLE.formatted("%", "100"), false).statusCode(200);
        String trail = db.trailIds();
        put(opd, BUNDLE.formatted("%", "100"), false).statusCode(200);
        assertThat(db.trailIds()).as("an unchanged import announces and audits nothing").isEqualTo(trail);

        put(opd, BUNDLE.formatted("persen", "100").replace("27.54", "30"), false).statusCode(200);
        assertThat(db.outboxVersions(Api.subject(opd, "2.08.02", 1))).containsExactly(1L, 2L);
        assertThat(db.outboxPayloads(Api.subject(opd, "2.08.02", 1)).get(1)).contains("\"persen\"").contains("30");
        assertThat(db.outboxVersions(Api.subject(opd, "2.08.02.2.01.0003", 1))).containsExactly(1L);
        given().get(base(opd) + "/nodes/2.08.02").then().statusCode(200).body("[0].satuan", equalTo("persen"))
                .body("[0].realisasi", equalTo(30));
    }

    @Test
    void aMonthNamingAnUnknownIndicatorIsRefusedNamingItsItemAndNothingIsWritten() {
        String opd = freshOpd("TAKDIKENAL");
        String before = db.snapshot();
        String bundle = BUNDLE.formatted("%", "100").replace("\"nilai\": 50}]", "\"nilai\": 50}, {\"kode\": \"2.08.02\", \"nomor\": 2, \"nilai\": 1}]");
        for (boolean dryRun : new boolean[] {true, false}) {
            put(opd, bundle, dryRun).statusCode(404).body("errors.field", hasItem("realisasi[0].items[2].nomor"));
            assertThat(db.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aMonthMayNameTheIndicatorsOfANodeTheBundleDoesNotList() {
        String opd = freshOpd("LAIN");
        put(opd, BUNDLE.formatted("%", "100"), false).statusCode(200);
        put(opd, """
                {"nodes": [], "realisasi": [{"bulan": 12, "items": [{"kode": "2.08.02", "nomor": 1, "nilai": 20}]}]}""", false)
                .statusCode(200).body("indikator.size()", equalTo(0));
        given().get(base(opd) + "/nodes/2.08.02").then().statusCode(200).body("[0].realisasi", equalTo(20))
                .body("[0].bulan", equalTo(12));
        assertThat(db.outboxVersions(Api.subject(opd, "2.08.02", 1))).containsExactly(1L, 2L);
    }

    /**
     * From ArrayRows.FEWEST new indicators and series, an import inserts them with one statement per table; fewer are
     * Hibernate's to flush. Both store the same rows: five sub kegiatan in one import, and one by one in five.
     */
    @Test
    void manyNewIndicatorsAtOnceAndOneByOneStoreTheSame() {
        String atOnce = freshOpd("BANYAK");
        String oneByOne = freshOpd("SATU");
        java.util.List<String> nodes = new java.util.ArrayList<>();
        java.util.List<String> months = new java.util.ArrayList<>();
        java.util.List<String> progres = new java.util.ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            String kode = "2.08.02.2.01.000" + n;
            nodes.add("{\"kode\": \"%s\", \"indikator\": [{\"nama\": \"Indikator %d\", \"satuan\": \"kegiatan\", "
                    .formatted(kode, n) + "\"polaritas\": \"positif\", \"target\": " + (10 * n) + "}]}");
            months.add("{\"kode\": \"%s\", \"nomor\": 1, \"nilai\": %d.25}".formatted(kode, n));
            progres.add("{\"kode\": \"%s\", \"persen\": %d.5}".formatted(kode, 10 + n));
        }
        put(atOnce, bundle(nodes, months, progres), false).statusCode(200).body("indikator.size()", equalTo(5));
        for (int n = 0; n < 5; n++) {
            put(oneByOne, bundle(nodes.subList(n, n + 1), months.subList(n, n + 1), progres.subList(n, n + 1)), false)
                    .statusCode(200);
        }
        assertThat(db.rows(atOnce)).contains("r,2.08.02.2.01.0005,1,12,5.2500").contains("p,2.08.02.2.01.0003,12,13.50")
                .contains("s,2.08.02.2.01.0001,1").isEqualTo(db.rows(oneByOne));
        given().get(base(atOnce) + "/nodes/2.08.02.2.01.0004").then().statusCode(200).body("[0].realisasi", equalTo(4.25f));
    }

    private static String bundle(java.util.List<String> nodes, java.util.List<String> months, java.util.List<String> progres) {
        return "{\"nodes\": [" + String.join(", ", nodes) + "], \"realisasi\": [{\"bulan\": 12, \"items\": ["
                + String.join(", ", months) + "]}], \"progres\": [{\"bulan\": 12, \"items\": [" + String.join(", ", progres) + "]}]}";
    }

    private static io.restassured.response.ValidatableResponse put(String opd, String body, boolean dryRun) {
        return given().contentType("application/json").body(body).queryParam("dryRun", dryRun)
                .queryParam("lainnya", "pertahankan").put(base(opd) + "/impor").then();
    }

    @Test
    void aSatuanOverAHundredCharactersIsRefusedByTheDryRunNamingThePart() {
        String opd = freshOpd("SATUAN");
        String before = db.snapshot();
        given().contentType("application/json").body(BUNDLE.formatted("x".repeat(101), "100")).queryParam("dryRun", true)
                .put(base(opd) + "/impor").then().statusCode(422)
                .body("errors.field", hasItem("nodes[0].indikator[0].satuan"));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aRefusalOfTheLastPartRollsBackTheWholeBundle() {
        String opd = freshOpd("LAST");
        String before = db.snapshot();
        for (boolean dryRun : new boolean[] {true, false}) {
            given().contentType("application/json").body(BUNDLE.formatted("%", "140")).queryParam("dryRun", dryRun)
                    .put(base(opd) + "/impor").then().statusCode(422)
                    .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("progres[0].items[0]")));
            assertThat(db.snapshot()).isEqualTo(before);
        }
    }
}
