package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** PUT impor: a whole table in one transaction; its dry run writes, audits and publishes nothing. */
@QuarkusTest
class DpaImportTest {

    static final String BUNDLE = """
            {"nodes": [{"kode": "2.08.02", "uraian": "Program PUG"},
                       {"kode": "2.08.02.2.01", "uraian": "Pelembagaan PUG"},
                       {"kode": "2.08.02.2.01.0003", "uraian": "Advokasi PUG", "pagu": 73810300.00},
                       {"kode": "2.08.02.2.01.0004", "uraian": "Sosialisasi PUG", "pagu": 11296600.00}],
             "rak": [{"kode": "2.08.02.2.01.0003",
                      "bulan": [0, 5000000, 5000000, 6000000, 6000000, 6000000, 7000000, 7000000, 7000000, 8000000, 8000000, 8810300]}],
             "realisasi": [{"bulan": 6, "items": [{"kode": "2.08.02.2.01.0003", "jumlah": 20000000.00}]},
                           {"bulan": 12, "items": [{"kode": "2.08.02.2.01.0003", "jumlah": 55926300.00},
                                                   {"kode": "2.08.02.2.01.0004", "jumlah": %s}]}]}""";

    @Inject DataSource ds;

    String audit(String opd) {
        return Seed.query(ds, "SELECT count(*)::text FROM audit_trail WHERE opd = ?", opd);
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothingThenTheSameBundleIsWrittenOnce() {
        String opd = Seed.newOpd("IMPOR");
        String before = Seed.snapshot(ds, opd);
        String trail = Seed.trailIds(ds);
        given().contentType("application/json").body(BUNDLE.formatted("9996600.00")).queryParam("dryRun", true)
                .put(Seed.base(opd) + "/impor").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("nodes.created", equalTo(4)).body("rak.created", equalTo(1))
                .body("realisasi[1].updated", equalTo(2));
        assertThat(Seed.snapshot(ds, opd)).isEqualTo(before);
        assertThat(audit(opd)).isEqualTo("0");
        assertThat(Seed.trailIds(ds)).as("a dry run serializes and inserts no event or audit entry").isEqualTo(trail);
        given().get(Seed.base(opd)).then().statusCode(404);

        given().contentType("application/json").body(BUNDLE.formatted("9996600.00"))
                .put(Seed.base(opd) + "/impor").then().statusCode(200)
                .body("dryRun", equalTo(false)).body("nodes.created", equalTo(4));
        given().get(Seed.base(opd)).then().statusCode(200).body("total.realisasi", equalTo(65922900.00f));
        given().get(Seed.base(opd) + "/nodes/2.08.02.2.01.0003/realisasi").then().statusCode(200)
                .body("bulan", equalTo(java.util.List.of(6, 12)));
        // Each sub kegiatan takes one version and one event, with the three parts' final state.
        assertThat(Seed.outboxRows(ds, opd)).isEqualTo(2);
        List<Object[]> advokasi = Seed.outbox(ds, "63.10/2024/" + opd + "/2.08.02.2.01.0003");
        assertThat(advokasi).hasSize(1);
        assertThat((String) advokasi.get(0)[1]).contains("8810300").contains("55926300");
        assertThat(advokasi.get(0)[0].toString()).isEqualTo(Seed.query(ds, "SELECT n.version::text FROM dpa_node n "
                + "JOIN dpa d ON d.id = n.dpa_id WHERE d.opd = ? AND n.kode = '2.08.02.2.01.0003'", opd)).isEqualTo("1");
        assertThat(audit(opd)).isNotEqualTo("0");
        assertThat(Seed.trailIds(ds)).isNotEqualTo(trail);

        // Idempotent: the same bundle again changes and publishes nothing.
        String written = Seed.snapshot(ds, opd);
        given().contentType("application/json").body(BUNDLE.formatted("9996600.00"))
                .put(Seed.base(opd) + "/impor").then().statusCode(200).body("nodes.unchanged", equalTo(4));
        assertThat(Seed.snapshot(ds, opd)).isEqualTo(written);
    }

    /**
     * A bundle with fewer new nodes than a set-based insert takes (Hibernate persists them) plans and realizes them in
     * the same transaction: the later parts find the nodes the first one created.
     */
    @Test
    void aFewNewNodesArePlannedAndRealizedInTheirOwnBundle() {
        String opd = Seed.newOpd("IMPORS");
        given().contentType("application/json").body(BUNDLE.formatted("9996600.00"))
                .put(Seed.base(opd) + "/impor").then().statusCode(200).body("nodes.created", equalTo(4));
        given().contentType("application/json").body("""
                {"nodes": [{"kode": "2.08.02.2.01.0005", "uraian": "Pendampingan PUG", "pagu": 1200000.00}],
                 "rak": [{"kode": "2.08.02.2.01.0005", "bulan": [100000, 100000, 100000, 100000, 100000, 100000,
                                                                100000, 100000, 100000, 100000, 100000, 100000]}],
                 "realisasi": [{"bulan": 3, "items": [{"kode": "2.08.02.2.01.0005", "jumlah": 250000.00}]}]}""")
                .put(Seed.base(opd) + "/impor").then().statusCode(200)
                .body("nodes.created", equalTo(1)).body("rak.created", equalTo(1)).body("realisasi[0].updated", equalTo(1));
        given().get(Seed.base(opd) + "/nodes/2.08.02.2.01.0005").then().statusCode(200)
                .body("pagu", equalTo(1200000.00f)).body("realisasi", equalTo(250000.00f)).body("version", equalTo(1));
        given().get(Seed.base(opd) + "/nodes/2.08.02.2.01.0005/rak").then().statusCode(200)
                .body("jumlah", equalTo(1200000.00f));
    }

    @Test
    void aRefusalOfTheLastPartWritesNothingAndNamesThePart() {
        String opd = Seed.newOpd("IMPORX");
        String before = Seed.snapshot(ds, opd);
        for (boolean dryRun : new boolean[] {true, false}) {
            given().contentType("application/json").body(BUNDLE.formatted("99996600.00")).queryParam("dryRun", dryRun)
                    .put(Seed.base(opd) + "/impor").then().statusCode(422)
                    .body("type", equalTo("/problems/realisasi-melebihi-pagu"))
                    .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("realisasi[1].items")));
            assertThat(Seed.snapshot(ds, opd)).isEqualTo(before);
        }
        given().contentType("application/json").body("{\"nodes\": [], \"lain\": 1}")
                .put(Seed.base(opd) + "/impor").then().statusCode(400).body("errors[0].field", equalTo("lain"));
    }

    @Test
    void aThousandFaultsAreAnsweredWithAHundredAndTheCountOfTheRest() {
        StringBuilder nodes = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            nodes.append(i == 0 ? "" : ",").append("{\"kode\": \"x").append(i).append("\", \"uraian\": \"\"}");
        }
        given().contentType("application/json").body("{\"nodes\": " + nodes + "]}").queryParam("dryRun", true)
                .put(Seed.base(Seed.newOpd("MANY")) + "/impor").then().statusCode(422)
                .body("errors.size()", equalTo(100)).body("errorsOmitted", org.hamcrest.Matchers.greaterThanOrEqualTo(900))
                .body("errors[0].field", equalTo("nodes[0].kode"));
    }
}
