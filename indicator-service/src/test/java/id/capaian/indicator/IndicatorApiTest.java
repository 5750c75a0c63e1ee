package id.capaian.indicator;

import static id.capaian.indicator.Api.base;
import static id.capaian.indicator.Api.freshOpd;
import static id.capaian.indicator.Api.indikator;
import static id.capaian.indicator.Api.node;
import static id.capaian.indicator.Api.putNodes;
import static id.capaian.indicator.Api.putRealisasi;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import id.capaian.core.domain.Angka;
import id.capaian.testing.LocalInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API against the real database: the seed's numbers, the undefined cases, idempotency, text/plain input. */
@QuarkusTest
class IndicatorApiTest {

    @Inject Db db;

    record SeedRow(String kode, String indikator, String satuan, String polaritas, BigDecimal target, BigDecimal realisasi) {
    }

    static List<SeedRow> seed() throws IOException {
        Path tsv = LocalInfrastructure.root().resolve("deploy/local/demo/capaian-2024-63.10-p3ap2kb-2.08.tsv");
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t"));
        List<SeedRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            rows.add(new SeedRow(c[header.indexOf("kode")], c[header.indexOf("indikator")], c[header.indexOf("satuan")],
                    c[header.indexOf("polaritas")], Angka.parse(c[header.indexOf("target_fisik")]),
                    Angka.parse(c[header.indexOf("realisasi_fisik")])));
        }
        return rows;
    }

    @Test
    void theSeedLoadedThroughTheApiGivesTheSeedsCapaian() throws IOException {
        String opd = freshOpd("SEED");
        List<SeedRow> rows = seed();
        assertThat(rows).hasSize(47);
        Map<String, List<String>> byNode = new LinkedHashMap<>();
        for (SeedRow r : rows) {
            byNode.computeIfAbsent(r.kode(), k -> new ArrayList<>()).add(indikator(r.indikator().replace("\"", "\\\""),
                    r.satuan(), r.polaritas(), null, r.target().toPlainString()));
        }
        putNodes(opd, byNode.entrySet().stream().map(e -> node(e.getKey(), e.getValue().toArray(String[]::new)))
                .toArray(String[]::new)).statusCode(200).body("$", hasSize(47));
        StringBuilder bulk = new StringBuilder("[");
        for (SeedRow r : rows) {
            bulk.append(bulk.length() > 1 ? ", " : "").append("{\"kode\": \"").append(r.kode())
                    .append("\", \"nomor\": 1, \"nilai\": ").append(r.realisasi().toPlainString()).append('}');
        }
        given().contentType("application/json").body(bulk.append(']').toString())
                .when().put(base(opd) + "/realisasi/12").then().statusCode(200).body("$", hasSize(47));

        JsonPath all = given().when().get(base(opd)).then().statusCode(200).body("$", hasSize(47)).extract().jsonPath();
        assertThat(all.getList("kode", String.class).get(0)).isEqualTo("2.08.02");
        assertIndicator(all, "2.08.02", "27.54", "65", "42.37", "Sangat Rendah");
        assertIndicator(all, "2.08.02.2.02", "14", "19.88", "70.42", "Sedang");
        assertIndicator(all, "2.08.04", "79.61", "54", "147.43", "Sangat Tinggi");

        given().when().get(base(opd) + "/nodes/2.08.02").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].nama", is("Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten"))
                .body("[0].satuan", is("%")).body("[0].polaritas", is("positif")).body("[0].rumus", nullValue())
                .body("[0].bulan", is(12));
    }

    private static void assertIndicator(JsonPath all, String kode, String realisasi, String target, String capaian,
            String predikat) {
        Map<String, Object> i = all.getMap("find { it.kode == '" + kode + "' }");
        assertThat(new BigDecimal(String.valueOf(i.get("realisasi")))).isEqualByComparingTo(realisasi);
        assertThat(new BigDecimal(String.valueOf(i.get("target")))).isEqualByComparingTo(target);
        assertThat(String.valueOf(i.get("capaian"))).isEqualTo(capaian);
        assertThat(i.get("predikat")).isEqualTo(predikat);
        assertThat(i.get("bulan")).isEqualTo(12);
    }

    @Test
    void negativeIndicatorsUseTheRatioByDefaultAndTheDifferenceWhenNamed() {
        String opd = freshOpd("NEG");
        putNodes(opd,
                node("2.08.01", indikator("Angka kelahiran total", "angka", "negatif", null, "2.10")),
                node("2.08.02", indikator("Unmet need", "%", "negatif", "selisih", "8"),
                        indikator("Unmet need (rasio)", "%", "negatif", "rasio", "8")))
                .statusCode(200);
        putRealisasi(opd, "2.08.01", 1, 12, "2.00").statusCode(200).body("capaian", is(105.00f)).body("predikat", is("Sangat Tinggi"));
        putRealisasi(opd, "2.08.02", 1, 12, "6.4").statusCode(200).body("capaian", is(120.00f)).body("rumus", is("selisih"));
        putRealisasi(opd, "2.08.02", 2, 12, "6.4").statusCode(200).body("capaian", is(125.00f));
        String body = given().when().get(base(opd) + "/nodes/2.08.01").then().extract().asString();
        assertThat(body).contains("\"capaian\":105.00");
    }

    @Test
    void undefinedCapaianIsNullNeverAnError() {
        String opd = freshOpd("UNDEF");
        putNodes(opd, node("2.08.02",
                indikator("Target nol", "%", "positif", null, "0"),
                indikator("Realisasi nol", "%", "negatif", null, "2.1"),
                indikator("Belum ada realisasi", "%", "positif", null, "65"))).statusCode(200);
        putRealisasi(opd, "2.08.02", 1, 12, "5").statusCode(200).body("capaian", nullValue()).body("predikat", nullValue());
        putRealisasi(opd, "2.08.02", 2, 12, "0").statusCode(200).body("capaian", nullValue()).body("predikat", nullValue());
        given().when().get(base(opd) + "/nodes/2.08.02").then().statusCode(200)
                .body("capaian", hasSize(3)).body("capaian", everyItem(nullValue()))
                .body("[2].realisasi", nullValue()).body("[2].bulan", nullValue());
    }

    @Test
    void listingAsOfAMonthAndTheMonthlySeries() {
        String opd = freshOpd("SERI");
        putNodes(opd, node("2.08.02", indikator("ARG", "%", "positif", null, "65"))).statusCode(200);
        putRealisasi(opd, "2.08.02", 1, 6, "12.5").statusCode(200);
        putRealisasi(opd, "2.08.02", 1, 12, "27.54").statusCode(200);
        given().queryParam("bulan", 9).when().get(base(opd)).then().statusCode(200)
                .body("[0].realisasi", is(12.5f)).body("[0].bulan", is(6)).body("[0].capaian", is(19.23f));
        given().queryParam("bulan", 3).when().get(base(opd) + "/nodes/2.08.02").then().statusCode(200)
                .body("[0].realisasi", nullValue()).body("[0].capaian", nullValue());
        given().when().get(base(opd)).then().body("[0].realisasi", is(27.54f)).body("[0].bulan", is(12));
        given().when().get(base(opd) + "/nodes/2.08.02/indikator/1/realisasi").then().statusCode(200)
                .body("bulan", contains(6, 12)).body("nilai", contains(12.5f, 27.54f));
    }

    @Test
    void theSamePutTwiceWritesOneEvent() {
        String opd = freshOpd("IDEM");
        String subject = Api.subject(opd, "2.08.02", 1);
        String arg = node("2.08.02", indikator("ARG", "%", "positif", null, "65"));
        putNodes(opd, arg).statusCode(200);
        putNodes(opd, node("2.08.02", indikator("ARG", "%", "positif", null, "65.0000"))).statusCode(200);
        assertThat(db.outboxVersions(subject)).containsExactly(1L);
        putRealisasi(opd, "2.08.02", 1, 12, "27.54").statusCode(200);
        String snapshot = db.snapshot();
        putRealisasi(opd, "2.08.02", 1, 12, "27.540").statusCode(200).body("capaian", is(42.37f));
        given().contentType("application/json").body("[{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 27.54}]")
                .when().put(base(opd) + "/realisasi/12").then().statusCode(200);
        assertThat(db.snapshot()).isEqualTo(snapshot);
        assertThat(db.outboxVersions(subject)).containsExactly(1L, 2L);
    }

    @Test
    void textPlainTakesAnIndonesianDecimalAndRefusesAnythingElse() {
        String opd = freshOpd("TEXT");
        putNodes(opd, node("2.08.02", indikator("ARG", "%", "positif", null, "65"))).statusCode(200);
        String path = base(opd) + "/nodes/2.08.02/indikator/1/realisasi/12";
        given().contentType("text/plain").body("27,54").when().put(path).then().statusCode(200)
                .body("realisasi", is(27.54f)).body("capaian", is(42.37f)).body("predikat", is("Sangat Rendah"));
        String snapshot = db.snapshot();
        given().contentType("text/plain").body("27.54x").when().put(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("nilai"));
        assertThat(db.snapshot()).isEqualTo(snapshot);
    }

    @Test
    void aShorterListRemovesTheIndicatorsBeyondIt() {
        String opd = freshOpd("SHORT");
        putNodes(opd, node("2.08.02", indikator("Satu", "%", "positif", null, "1"), indikator("Dua", "%", "positif", null, "2")))
                .statusCode(200).body("nomor", contains(1, 2));
        putNodes(opd, node("2.08.02", indikator("Satu", "%", "positif", null, "1"))).statusCode(200).body("nomor", contains(1));
        given().when().get(base(opd) + "/nodes/2.08.02").then().body("nama", contains("Satu"));
        putNodes(opd, node("2.08.02")).statusCode(200).body("$", hasSize(0));
        given().when().get(base(opd) + "/nodes/2.08.02").then().statusCode(404).contentType("application/problem+json");
        assertThat(db.outboxVersions(Api.subject(opd, "2.08.02", 2))).containsExactly(1L, 2L);
    }
}
