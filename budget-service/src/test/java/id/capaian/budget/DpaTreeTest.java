package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import id.capaian.core.domain.Level;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The seed's 2.08 table loaded through the API: the tree's sums equal the seed's stated values. */
@QuarkusTest
class DpaTreeTest {

    @Inject DataSource ds;

    static JsonPath get(String path, Object... query) {
        var r = given().accept("application/json");
        for (int i = 0; i < query.length; i += 2) {
            r = r.queryParam((String) query[i], query[i + 1]);
        }
        String body = r.get(path).then().statusCode(200).contentType("application/json").extract().asString();
        return new JsonPath(body).using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @SuppressWarnings("unchecked")
    static void flatten(Map<String, Object> node, List<Map<String, Object>> out) {
        out.add(node);
        for (Object c : (List<Object>) node.get("children")) {
            flatten((Map<String, Object>) c, out);
        }
    }

    static BigDecimal dec(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    @Test
    void theSeedsSumsAreReproducedAtEveryLevel() {
        String opd = Seed.newOpd("TREE");
        Seed.load(opd);
        JsonPath t = get(Seed.base(opd));
        assertThat(dec(t.get("total.pagu"))).isEqualByComparingTo("3555368700.00");
        assertThat(dec(t.get("total.realisasi"))).isEqualByComparingTo("3214176245.00");
        assertThat(dec(t.get("total.sisa"))).isEqualByComparingTo("341192455.00");
        assertThat(dec(t.get("total.capaianKeuangan"))).isEqualByComparingTo("90.40");
        assertThat(t.getString("urusan[0].kode")).isEqualTo("2.08");
        assertThat(t.getString("urusan[0].uraian")).isNull();
        assertThat(t.getList("urusan")).hasSize(1);

        List<Map<String, Object>> nodes = new ArrayList<>();
        flatten(t.getMap("urusan[0]"), nodes);
        assertThat(nodes).hasSize(48); // the urusan and the fixture's 47 rows
        Map<String, Seed.Row> stated = new java.util.HashMap<>();
        Seed.rows().forEach(r -> stated.put(r.kode(), r));
        for (Map<String, Object> n : nodes.subList(1, nodes.size())) {
            Seed.Row r = stated.get((String) n.get("kode"));
            assertThat(r).as("node %s", n.get("kode")).isNotNull();
            assertThat(n.get("uraian")).isEqualTo(r.uraian());
            assertThat(n.get("level")).isEqualTo(r.level().name());
            assertThat(dec(n.get("pagu"))).as("pagu of %s", r.kode()).isEqualByComparingTo(r.target());
            assertThat(dec(n.get("realisasi"))).as("realisasi of %s", r.kode()).isEqualByComparingTo(r.realisasi());
            assertThat(dec(n.get("sisa"))).isEqualByComparingTo(r.target().subtract(r.realisasi()));
        }
        // rows come in code order, not in the seed's printed order
        List<String> kodes = nodes.stream().map(n -> (String) n.get("kode")).toList();
        assertThat(kodes).isSortedAccordingTo((a, b) -> id.capaian.core.domain.Kode.of(a).compareTo(id.capaian.core.domain.Kode.of(b)));
        Map<String, Object> program = nodes.stream().filter(n -> n.get("kode").equals("2.08.02")).findFirst().orElseThrow();
        assertThat(dec(program.get("capaianKeuangan"))).isEqualByComparingTo("94.12");
        Map<String, Object> zero = nodes.stream().filter(n -> n.get("kode").equals("2.08.07.2.01.0091")).findFirst().orElseThrow();
        assertThat(zero).containsEntry("capaianKeuangan", null);
        assertThat(dec(zero.get("pagu"))).isEqualByComparingTo("0");
        assertThat(nodes.stream().filter(n -> n.get("level").equals(Level.SUB_KEGIATAN.name()))).hasSize(26);
    }

    @Test
    void aMonthlySeriesGivesTheRealizationAsOfAMonthAndANodeWithItsSeries() {
        String opd = Seed.newOpd("SERIES");
        Seed.load(opd);
        String leaf = Seed.base(opd) + "/nodes/2.08.02.2.01.0003";
        given().contentType("application/json").body("{\"jumlah\": 20000000.00}").put(leaf + "/realisasi/6")
                .then().statusCode(200).body("realisasi", is(55926300.00f)).body("bulan", is(12))
                .body("bulanan.bulan", org.hamcrest.Matchers.contains(6, 12));
        given().get(leaf + "/realisasi").then().statusCode(200)
                .body("bulan", org.hamcrest.Matchers.contains(6, 12))
                .body("[0].jumlah", is(20000000.00f));

        JsonPath june = get(Seed.base(opd), "bulan", 6);
        assertThat(june.getInt("bulan")).isEqualTo(6);
        assertThat(dec(june.get("total.realisasi"))).isEqualByComparingTo("20000000.00");
        assertThat(dec(june.get("total.pagu"))).isEqualByComparingTo("3555368700.00");
        JsonPath may = get(Seed.base(opd), "bulan", 5);
        assertThat(dec(may.get("total.realisasi"))).isEqualByComparingTo("0");
        JsonPath nov = get(Seed.base(opd) + "/nodes/2.08.02.2.01", "bulan", 11);
        assertThat(dec(nov.get("realisasi"))).isEqualByComparingTo("20000000.00");
        assertThat(dec(nov.get("pagu"))).isEqualByComparingTo("85106900");
        assertThat(nov.getList("children")).hasSize(2);

        JsonPath node = get(leaf);
        assertThat(node.getList("bulanan")).hasSize(2);
        assertThat(node.getLong("version")).isEqualTo(3); // created, month 12, month 6
        assertThat(dec(node.get("capaianKeuangan"))).isEqualByComparingTo("75.77");
        given().get(Seed.base(opd) + "/nodes/2.08.02.2.01").then().statusCode(200).body("bulanan", nullValue());
    }

    @Test
    void theSamePutTwiceChangesAndPublishesNothing() {
        String opd = Seed.newOpd("IDEM");
        Seed.load(opd);
        String before = Seed.snapshot(ds, opd);
        long events = Seed.outboxRows(ds, opd);
        assertThat(events).isEqualTo(26 + 26); // created, then month 12 (0.00 included: a month reported)
        Seed.load(opd); // the same nodes and the same realizations again
        assertThat(Seed.snapshot(ds, opd)).isEqualTo(before);
        given().contentType("application/json").body("{\"jumlah\": 55926300}")
                .put(Seed.base(opd) + "/nodes/2.08.02.2.01.0003/realisasi/12").then().statusCode(200);
        given().contentType("application/json")
                .body("[{\"kode\": \"2.08.02.2.01.0003\", \"uraian\": \"Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG\", \"pagu\": 73810300.0}]")
                .put(Seed.base(opd) + "/nodes").then().statusCode(200)
                .body("unchanged", is(1)).body("events", is(0));
        assertThat(Seed.snapshot(ds, opd)).isEqualTo(before);
    }

    /**
     * A write of fewer than {@code ArrayRows.FEWEST} rows is left to Hibernate's flush, a larger one is one statement
     * from arrays per table, and the single realization PUT reads and writes with plain JDBC: the same writes sent three
     * items at a time, all at once, and the months one sub kegiatan per PUT (new nodes, new and changed months, changed
     * nodes) store the same rows, versions and as many events.
     */
    @Test
    void aFewRowsAtATimeAndAllAtOnceStoreTheSame() {
        String few = Seed.newOpd("FEW");
        String many = Seed.newOpd("MANY");
        String single = Seed.newOpd("ONE");
        for (String opd : List.of(few, many, single)) {
            int chunk = opd.equals(many) ? Integer.MAX_VALUE : 3;
            Seed.load(opd, chunk);
            List<Map<String, Object>> june = new ArrayList<>();
            List<Map<String, Object>> december = new ArrayList<>();
            List<Map<String, Object>> renamed = new ArrayList<>();
            for (Seed.Row r : Seed.rows()) {
                if (r.level() == Level.SUB_KEGIATAN) {
                    BigDecimal half = r.realisasi().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                    june.add(Map.of("kode", r.kode(), "jumlah", half));
                    december.add(Map.of("kode", r.kode(), "jumlah", r.realisasi().subtract(BigDecimal.ONE).max(half)));
                    renamed.add(Map.of("kode", r.kode(), "uraian", r.uraian() + " (perubahan)", "pagu", r.target()));
                }
            }
            if (opd.equals(single)) { // the single realization PUT: its own path, without the ORM
                Seed.putEach(opd, 6, june);
                Seed.putEach(opd, 12, december);
            } else {
                Seed.put(opd, "/realisasi/6", june, chunk);
                Seed.put(opd, "/realisasi/12", december, chunk);
            }
            Seed.put(opd, "/nodes", renamed, chunk);
        }
        String stored = Seed.snapshot(ds, many);
        assertThat(stored).contains("2.08.02.2.01.0003@6=27963150.00", "2.08.02.2.01.0003@12=55926299.00", "(perubahan)|");
        assertThat(Seed.snapshot(ds, few)).isEqualTo(stored);
        assertThat(Seed.snapshot(ds, single)).isEqualTo(stored);
    }

    @Test
    void anUnknownDpaIsNotFound() {
        given().get(Seed.base(Seed.newOpd("NONE"))).then().statusCode(404).contentType("application/problem+json")
                .body("status", is(404));
    }
}
