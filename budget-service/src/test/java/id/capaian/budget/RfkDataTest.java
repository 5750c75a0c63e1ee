package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The RFK and Evaluasi Renja data of the DPA: pagu murni (defaulting, amendment), the Renstra money of a node,
 * the cash plan (RAK), their sums, their audit entries and the version 2 events that carry them.
 */
@QuarkusTest
class RfkDataTest {

    static final String S3 = "2.08.02.2.01.0003"; // pagu 73810300.00
    static final String S4 = "2.08.02.2.01.0004"; // pagu 11296600.00
    static final String PLAN = "[0, 5000000, 5000000, 6000000, 6000000, 6000000, 7000000, 7000000, 7000000, 8000000, 8000000, 8810300]";

    @Inject DataSource ds;

    static JsonPath json(String body) {
        return new JsonPath(body).using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static JsonPath put(String url, String body) {
        return json(given().contentType("application/json").body(body).put(url).then().statusCode(200).extract().asString());
    }

    static String stored(DataSource ds, String opd, String kode, String column) {
        return Seed.query(ds, "SELECT coalesce(n." + column + "::text, '-') FROM dpa_node n JOIN dpa d ON d.id = n.dpa_id "
                + "WHERE d.opd = ? AND n.kode = ?", opd, kode);
    }

    /** The data of the outbox messages of one sub kegiatan, oldest first, each checked against the v2 schema. */
    static List<JsonNode> events(DataSource ds, String opd, String kode) {
        List<JsonNode> out = new ArrayList<>();
        for (Object[] row : Seed.outbox(ds, "63.10/2024/" + opd + "/" + kode)) {
            String payload = (String) row[1];
            assertThat(Events.faults(payload)).as("v2 schema faults of %s", payload).isEmpty();
            JsonNode e = Events.parse(payload);
            assertThat(e.path("dataschema").asText())
                    .isEqualTo("https://capaian.id/schemas/budget.realization-updated.v2.schema.json");
            out.add(e.path("data"));
        }
        return out;
    }

    static JsonPath trail(String opd, String kode) {
        return given().get("/api/v1/dpa/63.10/2024/riwayat?size=500&opd=" + opd + "&kode=" + kode).then().statusCode(200)
                .extract().jsonPath(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @Test
    void paguMurniDefaultsToPaguAndTheAmendmentKeepsIt() {
        String opd = Seed.newOpd("MURNI");
        String base = Seed.base(opd);
        Events.smallDpa(opd); // no paguMurni sent: each new sub kegiatan takes its pagu
        assertThat(stored(ds, opd, S3, "pagu_murni")).isEqualTo("73810300.00");
        assertThat(stored(ds, opd, S4, "pagu_murni")).isEqualTo("11296600.00");
        assertThat(stored(ds, opd, "2.08.02.2.01", "pagu_murni")).isEqualTo("-");

        // a new sub kegiatan with its own paguMurni
        put(base + "/nodes", "[{\"kode\": \"2.08.02.2.01.0005\", \"uraian\": \"Baru\", \"pagu\": 1000000, \"paguMurni\": 900000.5}]");
        assertThat(stored(ds, opd, "2.08.02.2.01.0005", "pagu_murni")).isEqualTo("900000.50");

        // the amendment (APBD-P) changes pagu only: paguMurni stays
        JsonPath amended = put(base + "/nodes", "[{\"kode\": \"" + S3 + "\", \"uraian\": \"Advokasi Kebijakan dan "
                + "Pendampingan Pelaksanaan PUG termasuk PPRG\", \"pagu\": 80000000}]");
        assertThat(amended.getInt("updated")).isEqualTo(1);
        assertThat(stored(ds, opd, S3, "pagu")).isEqualTo("80000000.00");
        assertThat(stored(ds, opd, S3, "pagu_murni")).isEqualTo("73810300.00");

        // a legacy row without pagu murni takes its pagu on its next write, even with nothing else changed
        Seed.query(ds, "WITH u AS (UPDATE dpa_node n SET pagu_murni = NULL FROM dpa d WHERE d.id = n.dpa_id AND d.opd = ? "
                + "AND n.kode = ? RETURNING 1) SELECT count(*)::text FROM u", opd, S4);
        assertThat(stored(ds, opd, S4, "pagu_murni")).isEqualTo("-");
        assertThat(DpaTreeTest.get(base + "/nodes/" + S4).<BigDecimal>get("paguMurni")).isEqualByComparingTo("11296600.00");
        JsonPath legacy = put(base + "/nodes", "[{\"kode\": \"" + S4 + "\", \"uraian\": \"Sosialisasi Kebijakan Pelaksanaan PUG "
                + "termasuk PPRG\", \"pagu\": 11296600.00}]");
        assertThat(legacy.getInt("updated")).isEqualTo(1);
        assertThat(stored(ds, opd, S4, "pagu_murni")).isEqualTo("11296600.00");
        // and then the same again changes nothing
        assertThat(put(base + "/nodes", "[{\"kode\": \"" + S4 + "\", \"uraian\": \"Sosialisasi Kebijakan Pelaksanaan PUG "
                + "termasuk PPRG\", \"pagu\": 11296600.00}]").getInt("unchanged")).isEqualTo(1);

        // paguMurni sent on an amendment sets it
        put(base + "/nodes", "[{\"kode\": \"" + S4 + "\", \"uraian\": \"Sosialisasi Kebijakan Pelaksanaan PUG termasuk PPRG\", "
                + "\"pagu\": 11296600.00, \"paguMurni\": 12000000}]");
        assertThat(stored(ds, opd, S4, "pagu_murni")).isEqualTo("12000000.00");

        // sums at every level of the tree
        JsonPath t = DpaTreeTest.get(base);
        BigDecimal murni = new BigDecimal("73810300.00").add(new BigDecimal("12000000.00")).add(new BigDecimal("900000.50"));
        BigDecimal pagu = new BigDecimal("80000000.00").add(new BigDecimal("11296600.00")).add(new BigDecimal("1000000.00"));
        assertThat(t.<BigDecimal>get("total.paguMurni")).isEqualByComparingTo(murni);
        assertThat(t.<BigDecimal>get("total.pagu")).isEqualByComparingTo(pagu);
        List<Map<String, Object>> nodes = new ArrayList<>();
        DpaTreeTest.flatten(t.getMap("urusan[0]"), nodes);
        Map<String, String> expected = Map.of("2.08", murni.toPlainString(), "2.08.02", murni.toPlainString(),
                "2.08.02.2.01", murni.toPlainString(), S3, "73810300.00", S4, "12000000.00",
                "2.08.02.2.01.0005", "900000.50");
        assertThat(nodes).hasSize(expected.size());
        for (Map<String, Object> n : nodes) {
            assertThat(DpaTreeTest.dec(n.get("paguMurni"))).as("paguMurni of %s", n.get("kode"))
                    .isEqualByComparingTo(expected.get((String) n.get("kode")));
        }
        assertThat(t.<BigDecimal>get("urusan[0].pagu")).isEqualByComparingTo(pagu);

        // audit: the entries carry paguMurni before and after
        JsonPath audit = trail(opd, S4);
        assertThat(audit.getString("items[0].aksi")).isEqualTo("node.ubah");
        assertThat(audit.<BigDecimal>get("items[0].sebelum.paguMurni")).isEqualByComparingTo("11296600.00");
        assertThat(audit.<BigDecimal>get("items[0].sesudah.paguMurni")).isEqualByComparingTo("12000000.00");
        assertThat(audit.<BigDecimal>get("items[0].sesudah.pagu")).isEqualByComparingTo("11296600.00");

        // events: every change of a sub kegiatan announced it with its paguMurni
        List<JsonNode> e3 = events(ds, opd, S3);
        assertThat(e3).extracting(d -> d.path("paguMurni").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly("73810300", "73810300");
        assertThat(e3.get(1).path("pagu").decimalValue()).isEqualByComparingTo("80000000");
        List<JsonNode> e4 = events(ds, opd, S4);
        assertThat(e4).extracting(d -> d.path("paguMurni").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly("11296600", "11296600", "12000000");
        assertThat(e4.get(0).path("rak").isNull()).isTrue();
        assertThat(e4.get(0).path("renstra").isNull()).isTrue();
    }

    @Test
    void renstraIsTheNodesOwnAndAChangeAbovePublishesItsSubKegiatan() {
        String opd = Seed.newOpd("RENSTRA");
        String base = Seed.base(opd);
        Events.smallDpa(opd);
        long before = Seed.outboxRows(ds, opd);

        // on the program: both sub kegiatan below it are announced again
        JsonPath w = put(base + "/nodes", "[{\"kode\": \"2.08.02\", \"uraian\": \"Program Pengarusutamaan Gender dan "
                + "Pemberdayaan Perempuan\", \"renstra\": {\"pagu\": 1000000000, \"realisasiSebelumnya\": 600000000.00}}]");
        assertThat(w.getInt("updated")).isEqualTo(1);
        assertThat(w.getInt("events")).isEqualTo(2);
        assertThat(Seed.outboxRows(ds, opd)).isEqualTo(before + 2);
        // absent renstra keeps the stored one; the rest equal: nothing happens
        JsonPath same = put(base + "/nodes", "[{\"kode\": \"2.08.02\", \"uraian\": \"Program Pengarusutamaan Gender dan "
                + "Pemberdayaan Perempuan\"}]");
        assertThat(same.getInt("unchanged")).isEqualTo(1);
        assertThat(same.getInt("events")).isZero();
        // on a sub kegiatan, one value only
        put(base + "/nodes", "[{\"kode\": \"" + S3 + "\", \"uraian\": \"Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG "
                + "termasuk PPRG\", \"pagu\": 73810300, \"renstra\": {\"pagu\": 350000000, \"realisasiSebelumnya\": null}}]");

        JsonPath t = DpaTreeTest.get(base);
        assertThat(t.<Object>get("urusan[0].renstra")).isNull();
        assertThat(t.<BigDecimal>get("urusan[0].children[0].renstra.pagu")).isEqualByComparingTo("1000000000");
        assertThat(t.<BigDecimal>get("urusan[0].children[0].renstra.realisasiSebelumnya")).isEqualByComparingTo("600000000");
        assertThat(t.<Object>get("urusan[0].children[0].children[0].renstra")).as("never summed nor inherited").isNull();
        JsonPath leaf = DpaTreeTest.get(base + "/nodes/" + S3);
        assertThat(leaf.<BigDecimal>get("renstra.pagu")).isEqualByComparingTo("350000000");
        assertThat(leaf.<Object>get("renstra.realisasiSebelumnya")).isNull();
        assertThat(DpaTreeTest.get(base + "/nodes/" + S4).<Object>get("renstra")).isNull();

        List<JsonNode> e4 = events(ds, opd, S4);
        assertThat(e4).hasSize(2);
        assertThat(e4.get(0).path("program").path("renstra").isNull()).isTrue();
        assertThat(e4.get(1).path("program").path("renstra").path("pagu").decimalValue()).isEqualByComparingTo("1000000000");
        assertThat(e4.get(1).path("program").path("renstra").path("realisasiSebelumnya").decimalValue())
                .isEqualByComparingTo("600000000");
        assertThat(e4.get(1).path("kegiatan").path("renstra").isNull()).isTrue();
        List<JsonNode> e3 = events(ds, opd, S3);
        assertThat(e3).hasSize(3);
        assertThat(e3.get(2).path("renstra").path("pagu").decimalValue()).isEqualByComparingTo("350000000");
        assertThat(e3.get(2).path("renstra").path("realisasiSebelumnya").isNull()).isTrue();

        // sent with nulls: cleared, and the kegiatan's change re-announces its sub kegiatan
        put(base + "/nodes", "[{\"kode\": \"2.08.02\", \"uraian\": \"Program Pengarusutamaan Gender dan Pemberdayaan Perempuan\", "
                + "\"renstra\": {\"pagu\": null, \"realisasiSebelumnya\": null}},"
                + "{\"kode\": \"2.08.02.2.01\", \"uraian\": \"Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah "
                + "Kewenangan Kabupaten/Kota\", \"renstra\": {\"pagu\": 5, \"realisasiSebelumnya\": 1}}]");
        assertThat(stored(ds, opd, "2.08.02", "renstra_pagu")).isEqualTo("-");
        assertThat(stored(ds, opd, "2.08.02.2.01", "renstra_realisasi_sebelumnya")).isEqualTo("1.00");
        e4 = events(ds, opd, S4);
        assertThat(e4).hasSize(3);
        assertThat(e4.get(2).path("program").path("renstra").isNull()).isTrue();
        assertThat(e4.get(2).path("kegiatan").path("renstra").path("pagu").decimalValue()).isEqualByComparingTo("5");

        JsonPath audit = trail(opd, "2.08.02");
        assertThat(audit.getList("items.aksi")).containsExactly("node.ubah", "node.ubah", "node.buat");
        assertThat(audit.<BigDecimal>get("items[1].sesudah.renstra.pagu")).isEqualByComparingTo("1000000000");
        assertThat(audit.<Object>get("items[1].sebelum.renstra")).isNull();
        assertThat(audit.<Object>get("items[0].sesudah.renstra")).isNull();
    }

    @Test
    void aCashPlanIsSetReadAnnouncedAndAuditedOnceWhateverItsSum() {
        String opd = Seed.newOpd("RAK");
        String base = Seed.base(opd);
        Events.smallDpa(opd);
        given().get(base + "/nodes/" + S3 + "/rak").then().statusCode(404).contentType("application/problem+json")
                .body("type", is("/problems/tidak-ditemukan"));

        JsonPath set = put(base + "/nodes/" + S3 + "/rak", "{\"bulan\": " + PLAN + "}");
        assertThat(set.getString("kode")).isEqualTo(S3);
        assertThat(set.<BigDecimal>getList("bulan")).hasSize(12);
        assertThat(set.<BigDecimal>get("bulan[11]")).isEqualByComparingTo("8810300");
        assertThat(set.<BigDecimal>get("jumlah")).isEqualByComparingTo("73810300.00");
        assertThat(set.<BigDecimal>get("pagu")).isEqualByComparingTo("73810300.00");
        String body = given().get(base + "/nodes/" + S3 + "/rak").then().statusCode(200).extract().asString();
        assertThat(body).contains("\"bulan\":[0.00,5000000.00,5000000.00,6000000.00,6000000.00,6000000.00,7000000.00,"
                + "7000000.00,7000000.00,8000000.00,8000000.00,8810300.00]").contains("\"jumlah\":73810300.00");
        assertThat(stored(ds, opd, S3, "rak")).startsWith("{0.00,5000000.00,");

        // the same plan again (other notation): nothing written, no event, no audit entry
        String snapshot = Seed.snapshot(ds, opd);
        int entries = trail(opd, S3).getInt("total");
        put(base + "/nodes/" + S3 + "/rak", "{\"bulan\": [0.0, 5e6, 5000000, 6000000, 6000000, 6000000, 7000000, 7000000, "
                + "7000000, 8000000, 8000000, 8810300.00]}");
        assertThat(Seed.snapshot(ds, opd)).isEqualTo(snapshot);
        assertThat(trail(opd, S3).getInt("total")).isEqualTo(entries);

        // a plan whose sum differs from the pagu is accepted
        JsonPath off = put(base + "/nodes/" + S3 + "/rak", "{\"bulan\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.34]}");
        assertThat(off.<BigDecimal>get("jumlah")).isEqualByComparingTo("78.34");
        assertThat(off.<BigDecimal>get("pagu")).isEqualByComparingTo("73810300");

        JsonPath audit = trail(opd, S3);
        assertThat(audit.getList("items.aksi")).containsExactly("rak.ubah", "rak.ubah", "node.buat");
        assertThat(audit.getList("items.entitas")).containsExactly("rak", "rak", "node");
        assertThat(audit.<Object>get("items[1].sebelum")).isNull();
        assertThat(audit.<BigDecimal>getList("items[1].sesudah.bulan")).hasSize(12);
        assertThat(audit.<BigDecimal>get("items[0].sebelum.bulan[11]")).isEqualByComparingTo("8810300");
        assertThat(audit.<BigDecimal>get("items[0].sesudah.bulan[11]")).isEqualByComparingTo("12.34");

        // bulk: one new plan, one unchanged, one changed
        JsonPath bulk = put(base + "/rak", "[{\"kode\": \"" + S4 + "\", \"bulan\": [0, 0, 1000000, 1000000, 1000000, 1000000, "
                + "1000000, 1000000, 1000000, 1000000, 1000000, 2296600]},"
                + "{\"kode\": \"" + S3 + "\", \"bulan\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.34]}]");
        assertThat(bulk.getInt("created")).isEqualTo(1);
        assertThat(bulk.getInt("unchanged")).isEqualTo(1);
        assertThat(bulk.getInt("events")).isEqualTo(1);
        JsonPath bulk2 = put(base + "/rak", "[{\"kode\": \"" + S3 + "\", \"bulan\": " + PLAN + "}]");
        assertThat(bulk2.getInt("updated")).isEqualTo(1);
        assertThat(given().get(base + "/nodes/" + S4 + "/rak").then().statusCode(200).extract().jsonPath()
                .getDouble("jumlah")).isEqualTo(11296600.00);

        // the events: created, then each changed plan once
        List<JsonNode> e3 = events(ds, opd, S3);
        assertThat(e3).hasSize(4);
        assertThat(e3.get(0).path("rak").isNull()).isTrue();
        assertThat(e3.get(1).path("rak").size()).isEqualTo(12);
        assertThat((String) Seed.outbox(ds, "63.10/2024/" + opd + "/" + S3).get(1)[1]).contains("\"rak\":[0.00,5000000.00,5000000.00,6000000.00,6000000.00,6000000.00,"
                + "7000000.00,7000000.00,7000000.00,8000000.00,8000000.00,8810300.00]");
        assertThat(e3.get(2).path("rak").get(11).decimalValue()).isEqualByComparingTo("12.34");
        assertThat(e3.get(3).path("rak").get(11).decimalValue()).isEqualByComparingTo("8810300");
        assertThat(e3.get(3).path("paguMurni").decimalValue()).isEqualByComparingTo("73810300");
        assertThat(events(ds, opd, S4)).hasSize(2);
    }

    @Test
    void aLockedYearRefusesCashPlans() {
        int tahun = 2033;
        String opd = Seed.newOpd("RAKLCK");
        String dpa = "/api/v1/dpa/63.10/" + tahun + "/" + opd;
        GovernanceTest.seed(tahun, opd);
        String plan = "{\"bulan\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}";
        given().contentType("application/json").body(plan).put(dpa + "/nodes/" + S3 + "/rak").then().statusCode(200);
        GovernanceTest.lock(tahun, "{\"terkunci\": true, \"opd\": \"" + opd + "\", \"alasan\": \"LKPJ final\"}");
        try {
            String before = id.capaian.testing.DbSnapshot.of(ds, "outbox");
            given().header("Authorization", GovernanceTest.operator(opd)).contentType("application/json")
                    .body("{\"bulan\": [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}").put(dpa + "/nodes/" + S3 + "/rak")
                    .then().statusCode(409).body("type", is("/problems/tahun-terkunci"));
            given().header("Authorization", GovernanceTest.operator(opd)).contentType("application/json")
                    .body("[{\"kode\": \"" + S4 + "\", \"bulan\": [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}]").put(dpa + "/rak")
                    .then().statusCode(409).body("type", is("/problems/tahun-terkunci"));
            assertThat(id.capaian.testing.DbSnapshot.of(ds, "outbox")).isEqualTo(before);
            given().get(dpa + "/nodes/" + S3 + "/rak").then().statusCode(200);
        } finally {
            GovernanceTest.lock(tahun, "{\"terkunci\": false, \"opd\": \"" + opd + "\", \"alasan\": \"koreksi\"}");
        }
        given().header("Authorization", TestTokens.bearer(TestTokens.token("operator", "63.10", opd)))
                .contentType("application/json").body(plan).put(dpa + "/nodes/" + S3 + "/rak").then().statusCode(200);
    }
}
