package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import id.capaian.testing.DbSnapshot;
import id.capaian.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The audit trail of every write path, and the year lock: refused while locked, races, unlock. */
@QuarkusTest
class GovernanceTest {

    static final String SUB = "2.08.02.2.01.0003";
    static final String SUB2 = "2.08.02.2.01.0004";

    @TestHTTPResource URL url;
    @Inject DataSource ds;

    static String dpa(int tahun, String opd) {
        return "/api/v1/dpa/63.10/" + tahun + "/" + opd;
    }

    static void seed(int tahun, String opd) {
        given().contentType("application/json").body("""
                [{"kode": "2.08.02", "uraian": "P"}, {"kode": "2.08.02.2.01", "uraian": "K"},
                 {"kode": "2.08.02.2.01.0003", "uraian": "A", "pagu": 1000000.00},
                 {"kode": "2.08.02.2.01.0004", "uraian": "B", "pagu": 500000.00}]""")
                .put(dpa(tahun, opd) + "/nodes").then().statusCode(200);
    }

    static JsonPath trail(int tahun, String query) {
        return given().get("/api/v1/dpa/63.10/" + tahun + "/riwayat?size=500&" + query).then().statusCode(200)
                .extract().jsonPath(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static String operator(String opd) {
        return TestTokens.bearer(TestTokens.token("operator", "63.10", opd));
    }

    static String verifikator() {
        return TestTokens.bearer(TestTokens.token("verifikator", "63.10", null));
    }

    @Test
    void everyWritePathLeavesOneEntryPerChangeWithBeforeAndAfter() {
        String opd = Seed.newOpd("AUD");
        seed(2024, opd);
        JsonPath created = trail(2024, "opd=" + opd);
        assertThat(created.getList("items.aksi")).containsExactly("node.buat", "node.buat", "node.buat", "node.buat");
        assertThat(created.getList("items.sebelum")).containsOnlyNulls();

        // one pagu changed, one unchanged: one entry
        given().header("Authorization", operator(opd)).contentType("application/json")
                .body("[{\"kode\": \"" + SUB + "\", \"uraian\": \"A\", \"pagu\": 1200000.00}, "
                        + "{\"kode\": \"" + SUB2 + "\", \"uraian\": \"B\", \"pagu\": 500000.00}]")
                .put(dpa(2024, opd) + "/nodes").then().statusCode(200);
        JsonPath pagu = trail(2024, "opd=" + opd + "&kode=" + SUB);
        assertThat(pagu.getList("items.aksi")).containsExactly("node.ubah", "node.buat");
        assertThat(pagu.getString("items[0].pelaku")).isEqualTo("dev-operator-" + opd.toLowerCase());
        assertThat(pagu.getList("items[0].peran")).containsExactly("operator");
        assertThat(pagu.<BigDecimal>get("items[0].sebelum.pagu")).isEqualByComparingTo("1000000.00");
        assertThat(pagu.<BigDecimal>get("items[0].sesudah.pagu")).isEqualByComparingTo("1200000.00");

        // single realization, twice, then the same again (no entry)
        for (String jumlah : List.of("100000.50", "150000.00", "150000.00")) {
            given().contentType("application/json").body("{\"jumlah\": " + jumlah + "}")
                    .put(dpa(2024, opd) + "/nodes/" + SUB + "/realisasi/3").then().statusCode(200);
        }
        JsonPath months = trail(2024, "opd=" + opd + "&kode=" + SUB);
        assertThat(months.getList("items.entitas")).containsExactly("realisasi/3", "realisasi/3", "node", "node");
        assertThat(months.<Object>get("items[1].sebelum")).isNull();
        assertThat(months.<BigDecimal>get("items[1].sesudah.jumlah")).isEqualByComparingTo("100000.50");
        assertThat(months.<BigDecimal>get("items[0].sebelum.jumlah")).isEqualByComparingTo("100000.50");
        assertThat(months.<BigDecimal>get("items[0].sesudah.jumlah")).isEqualByComparingTo("150000.00");

        // bulk: two months changed, one entry each
        given().contentType("application/json")
                .body("[{\"kode\": \"" + SUB + "\", \"jumlah\": 200000}, {\"kode\": \"" + SUB2 + "\", \"jumlah\": 0}]")
                .put(dpa(2024, opd) + "/realisasi/4").then().statusCode(200);
        assertThat(trail(2024, "opd=" + opd + "&kode=" + SUB2).getList("items.entitas"))
                .containsExactly("realisasi/4", "node");

        // removal of a node without realization: one entry, after null
        given().delete(dpa(2024, opd) + "/nodes/" + SUB2).then().statusCode(204);
        JsonPath removed = trail(2024, "opd=" + opd + "&kode=" + SUB2);
        assertThat(removed.getString("items[0].aksi")).isEqualTo("node.hapus");
        assertThat(removed.<Object>get("items[0].sesudah")).isNull();
        assertThat(removed.getString("items[0].sebelum.uraian")).isEqualTo("B");

        assertThat(trail(2024, "opd=" + opd).getInt("total")).isEqualTo(4 + 1 + 2 + 2 + 1);
        assertThat(trail(2024, "opd=" + opd + "&pelaku=dev-operator-" + opd.toLowerCase()).getInt("total")).isEqualTo(1);
        String csv = given().accept("text/csv").get("/api/v1/dpa/63.10/2024/riwayat?opd=" + opd).then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().count()).isEqualTo(1 + 10);
        assertThat(csv).contains("node.hapus").contains("\"{\"\"jumlah\"\":150000.00}\"");
    }

    @Test
    void theAuditTrailCannotBeChangedEvenInSql() throws SQLException {
        String opd = Seed.newOpd("RO");
        seed(2024, opd);
        try (Connection c = ds.getConnection()) {
            for (String sql : List.of("UPDATE audit_trail SET pelaku = 'x'", "DELETE FROM audit_trail",
                    "TRUNCATE audit_trail")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.createStatement().execute(sql))
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(trail(2024, "opd=" + opd).getInt("total")).isEqualTo(4);
    }

    @Test
    void aLockedYearRefusesEveryWriteUntilItIsUnlockedWithAReason() {
        int tahun = 2031;
        String opd = Seed.newOpd("LCK");
        String other = Seed.newOpd("LCK");
        seed(tahun, opd);
        seed(tahun, other);
        given().contentType("application/json").body("{\"jumlah\": 1000}")
                .put(dpa(tahun, opd) + "/nodes/" + SUB + "/realisasi/1").then().statusCode(200);
        lock(tahun, "{\"terkunci\": true, \"opd\": \"" + opd + "\", \"alasan\": \"LKPJ final\"}");
        try {
            String before = DbSnapshot.of(ds, "outbox");
            Map<String, String[]> writes = Map.of(
                    "nodes", new String[] {"PUT", "/nodes", "[{\"kode\": \"" + SUB + "\", \"uraian\": \"A\", \"pagu\": 2000000}]"},
                    "one month", new String[] {"PUT", "/nodes/" + SUB + "/realisasi/2", "{\"jumlah\": 5}"},
                    "bulk", new String[] {"PUT", "/realisasi/2", "[{\"kode\": \"" + SUB + "\", \"jumlah\": 5}]"},
                    "remove", new String[] {"DELETE", "/nodes/" + SUB2, null});
            for (var w : writes.entrySet()) {
                var request = given().header("Authorization", operator(opd)).contentType("application/json");
                if (w.getValue()[2] != null) {
                    request = request.body(w.getValue()[2]);
                }
                var answer = request.request(w.getValue()[0], dpa(tahun, opd) + w.getValue()[1]);
                assertThat(answer.statusCode()).as(w.getKey()).isEqualTo(409);
                answer.then().contentType("application/problem+json")
                        .body("type", is("/problems/tahun-terkunci")).body("errors[0].field", is("opd"));
            }
            assertThat(DbSnapshot.of(ds, "outbox")).isEqualTo(before);
            given().get(dpa(tahun, opd)).then().statusCode(200);
            // the lock covers that OPD only
            given().contentType("application/json").body("{\"jumlah\": 7}")
                    .put(dpa(tahun, other) + "/nodes/" + SUB + "/realisasi/1").then().statusCode(200);
            // a whole-year lock covers every OPD
            lock(tahun, "{\"terkunci\": true}");
            given().contentType("application/json").body("{\"jumlah\": 8}")
                    .put(dpa(tahun, other) + "/nodes/" + SUB + "/realisasi/1").then().statusCode(409)
                    .body("errors[0].field", is("tahun"));
            given().header("Authorization", verifikator()).contentType("application/json").body("{\"terkunci\": false}")
                    .put("/api/v1/dpa/63.10/" + tahun + "/kunci").then().statusCode(422).body("errors[0].field", is("alasan"));
            assertThat(given().get("/api/v1/dpa/63.10/" + tahun + "/kunci").then().statusCode(200).extract()
                    .jsonPath().getList("opd")).containsExactly(null, opd);
        } finally {
            lock(tahun, "{\"terkunci\": false, \"alasan\": \"koreksi\"}");
            lock(tahun, "{\"terkunci\": false, \"opd\": \"" + opd + "\", \"alasan\": \"koreksi temuan Inspektorat\"}");
        }
        given().header("Authorization", operator(opd)).contentType("application/json").body("{\"jumlah\": 9}")
                .put(dpa(tahun, opd) + "/nodes/" + SUB + "/realisasi/2").then().statusCode(200);
        JsonPath locks = trail(tahun, "opd=" + opd);
        assertThat(locks.getList("items.aksi").subList(0, 3)).containsExactly("realisasi.ubah", "kunci.buka", "kunci.pasang");
        assertThat(locks.getString("items[1].sesudah.alasan")).isEqualTo("koreksi temuan Inspektorat");
        assertThat(locks.getString("items[1].pelaku")).isEqualTo("dev-verifikator");
    }

    static void lock(int tahun, String body) {
        given().header("Authorization", verifikator()).contentType("application/json").body(body)
                .put("/api/v1/dpa/63.10/" + tahun + "/kunci").then().statusCode(200);
    }

    /**
     * Writers race a lock: every write acknowledged 200 committed before the lock (its audit entry is
     * older than the lock's), and every write sent after the lock's answer is refused.
     */
    @Test
    void noWriteCommitsAfterTheLock() throws Exception {
        int tahun = 2032;
        String opd = Seed.newOpd("RACE");
        seed(tahun, opd);
        HttpClient http = HttpClient.newHttpClient();
        AtomicBoolean locked = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger refusedAfterLock = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger amount = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            writers.add(pool.submit(() -> {
                while (refusedAfterLock.get() < 20) {
                    boolean sentAfterLock = locked.get();
                    HttpRequest req = HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/$", "")
                                    + dpa(tahun, opd) + "/nodes/" + SUB + "/realisasi/" + (1 + amount.get() % 12)))
                            .header("Authorization", operator(opd)).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"jumlah\": " + amount.incrementAndGet() + "}"))
                            .build();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        acknowledged.incrementAndGet();
                        if (sentAfterLock) {
                            wrong.add("a write sent after the lock was accepted: " + r.body());
                        }
                    } else if (r.statusCode() == 409) {
                        if (sentAfterLock) {
                            refusedAfterLock.incrementAndGet();
                        }
                    } else {
                        wrong.add(r.statusCode() + " " + r.body());
                    }
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= 20);
        given().header("Authorization", verifikator()).contentType("application/json").body("{\"terkunci\": true}")
                .put("/api/v1/dpa/63.10/" + tahun + "/kunci").then().statusCode(200);
        locked.set(true);
        for (Future<?> w : writers) {
            w.get();
        }
        pool.shutdown();
        try {
            assertThat(wrong).isEmpty();
            JsonPath all = trail(tahun, "");
            List<String> aksi = all.getList("items.aksi");
            List<Number> ids = all.getList("items.id");
            long lockId = ids.get(aksi.indexOf("kunci.pasang")).longValue();
            long writesAfter = 0;
            long writes = 0;
            for (int i = 0; i < aksi.size(); i++) {
                if (aksi.get(i).equals("realisasi.ubah")) {
                    writes++;
                    writesAfter += ids.get(i).longValue() > lockId ? 1 : 0;
                }
            }
            assertThat(writesAfter).as("writes committed after the lock").isZero();
            assertThat(writes).as("one audit entry per acknowledged write").isEqualTo(acknowledged.get());
        } finally {
            lock(tahun, "{\"terkunci\": false, \"alasan\": \"akhir uji\"}");
        }
    }
}
