package id.capaian.indicator;

import static id.capaian.indicator.Api.PEMDA;
import static id.capaian.indicator.Api.base;
import static id.capaian.indicator.Api.freshOpd;
import static id.capaian.indicator.Api.indikator;
import static id.capaian.indicator.Api.node;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A locked year (or OPD) refuses every write with 409 tahun-terkunci and writes nothing, reads go on; an
 * unlock needs a reason; both are audited; and no write commits after a lock's commit, however they race.
 * Whole-year locks use years no other test writes (2031, 2032), so they cannot disturb them.
 */
@QuarkusTest
class YearLockTest {

    static final String LOCK = "{\"terkunci\": true, \"alasan\": \"LKPJ disampaikan ke DPRD\"}";
    static final String UNLOCK = "{\"terkunci\": false, \"alasan\": \"Koreksi realisasi triwulan IV\"}";

    @Inject Db db;
    @TestHTTPResource URL url;

    @Test
    void aLockedYearRefusesEveryWriteAndWritesNothingUntilItIsUnlockedWithAReason() {
        int tahun = 2031;
        String opd = freshOpd("KUNCI");
        String base = base(tahun, opd);
        seed(base);
        Riwayat.kunci(PEMDA, tahun, LOCK).statusCode(200)
                .body("$", hasSize(1)).body("[0].opd", nullValue()).body("[0].oleh", is("dev-verifikator"))
                .body("[0].alasan", is("LKPJ disampaikan ke DPRD"));
        try {
            String snapshot = db.snapshot();
            String operator = TestTokens.token("operator", PEMDA, opd);
            for (String token : new String[] {null, operator}) {
                everyWrite(base, token).forEach((name, write) -> assertLocked(name, write.get()));
            }
            assertThat(db.snapshot()).isEqualTo(snapshot);

            // Reads go on, and show the data as it was.
            given().when().get(base).then().statusCode(200).body("$", hasSize(2)).body("[0].realisasi", is(27.54f));
            given().when().get(base + "/nodes/2.08.02").then().statusCode(200).body("nama", hasSize(2));
            given().when().get(base + "/nodes/2.08.02/indikator/1/realisasi").then().statusCode(200).body("$", hasSize(1));
            given().when().get("/api/v1/indikator/" + PEMDA + "/" + tahun + "/kunci").then().statusCode(200)
                    .body("$", hasSize(1));

            // Unlocking without a reason is refused and changes nothing.
            Riwayat.kunci(PEMDA, tahun, "{\"terkunci\": false}").statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", is("alasan"));
            Riwayat.kunci(PEMDA, tahun, "{\"terkunci\": false, \"alasan\": \"  \"}").statusCode(422);
            assertLocked("PUT realisasi after a refused unlock", everyWrite(base, null).get("PUT realisasi (JSON)").get());
            assertThat(db.snapshot()).isEqualTo(snapshot);
        } finally {
            Riwayat.kunci(PEMDA, tahun, UNLOCK).statusCode(200).body("$", hasSize(0));
        }
        everyWrite(base, null).forEach((name, write) -> assertThat(write.get().extract().statusCode())
                .as(name + " after the unlock").isBetween(200, 204));
        given().when().get(base + "/nodes/2.08.02/indikator/1/realisasi").then().statusCode(200)
                .body("bulan", hasSize(3));

        List<JsonNode> locks = Riwayat.entries(PEMDA, tahun, null, null).stream()
                .filter(e -> e.get("aksi").asText().startsWith("kunci.")).toList();
        assertThat(locks).extracting(e -> e.get("aksi").asText()).containsExactly("kunci.pasang", "kunci.buka");
        assertThat(locks).allSatisfy(e -> {
            assertThat(e.get("pelaku").asText()).isEqualTo("dev-verifikator");
            assertThat(e.get("entitas").asText()).isEqualTo("kunci");
            assertThat(e.path("opd").isNull() || e.path("opd").isMissingNode()).isTrue();
        });
        assertThat(locks.get(0).get("sesudah").get("alasan").asText()).isEqualTo("LKPJ disampaikan ke DPRD");
        assertThat(locks.get(1).get("sebelum").get("alasan").asText()).isEqualTo("LKPJ disampaikan ke DPRD");
        assertThat(locks.get(1).get("sesudah").get("alasan").asText()).isEqualTo("Koreksi realisasi triwulan IV");
    }

    @Test
    void anOpdLockBlocksThatOpdOnly() {
        String locked = freshOpd("KUNCIOPD");
        String open = freshOpd("BEBAS");
        seed(base(locked));
        seed(base(open));
        Riwayat.kunci(PEMDA, Api.TAHUN, "{\"terkunci\": true, \"opd\": \"" + locked + "\", \"alasan\": \"Sudah diverifikasi\"}")
                .statusCode(200).body("opd", hasSize(1)).body("[0].opd", is(locked));
        try {
            String snapshot = db.snapshot();
            everyWrite(base(locked), null).forEach((name, write) -> assertLocked(name, write.get()));
            assertThat(db.snapshot()).isEqualTo(snapshot);
            Api.putRealisasi(open, "2.08.02", 1, 12, "40").statusCode(200);
        } finally {
            Riwayat.kunci(PEMDA, Api.TAHUN, "{\"terkunci\": false, \"opd\": \"" + locked + "\", \"alasan\": \"Revisi\"}")
                    .statusCode(200);
        }
        Api.putRealisasi(locked, "2.08.02", 1, 12, "40").statusCode(200);
        assertThat(Riwayat.entries(PEMDA, Api.TAHUN, locked, null)).extracting(e -> e.get("aksi").asText())
                .containsSubsequence("kunci.pasang", "kunci.buka", "realisasi.ubah");
    }

    /**
     * Writers race a lock. Every write answers 200 or 409; every accepted write's audit entry precedes the
     * lock's (the lock waited for it), nothing changes after the lock's PUT returned, and every write sent
     * after it is refused.
     */
    @Test
    void noWriteCommitsAfterTheLocksCommit() throws Exception {
        int tahun = 2032;
        int threads = 4;
        String opd = freshOpd("RACE");
        String base = base(tahun, opd);
        given().contentType("application/json").body("[" + node("2.08.02", indikator("A", "%", "positif", null, "100"),
                        indikator("B", "%", "positif", null, "100"), indikator("C", "%", "positif", null, "100")) + "]")
                .when().put(base + "/nodes").then().statusCode(200);

        record Write(int nomor, BigDecimal nilai, int status, long sentAt) {
        }
        Queue<Write> writes = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicLong lockReturned = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean stop = new AtomicBoolean();
        HttpClient http = HttpClient.newHttpClient();
        String root = url.toString().replaceAll("/$", "") + base;
        String admin = TestTokens.bearer(TestTokens.admin(PEMDA));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        int nomor = (thread + i) % 3 + 1;
                        BigDecimal nilai = BigDecimal.valueOf(thread * 1_000_000L + i + 1, 2); // unique per write
                        long sentAt = System.nanoTime();
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                        URI.create(root + "/nodes/2.08.02/indikator/" + nomor + "/realisasi/12"))
                                .header("Content-Type", "application/json").header("Authorization", admin)
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"nilai\": " + nilai + "}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).as(r.body()).isIn(200, 409);
                        writes.add(new Write(nomor, nilai, r.statusCode(), sentAt));
                        if (r.statusCode() == 200) {
                            accepted.incrementAndGet();
                        } else if (sentAt > lockReturned.get()) {
                            return null; // refused after the lock: this writer has seen enough
                        }
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= 5 * threads);
            Riwayat.kunci(PEMDA, tahun, LOCK).statusCode(200);
            lockReturned.set(System.nanoTime());
            String snapshot = db.snapshot();
            for (Future<?> w : writers) {
                w.get(120, TimeUnit.SECONDS);
            }
            assertThat(db.snapshot()).as("nothing written after the lock's PUT returned").isEqualTo(snapshot);
        } finally {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(writes).filteredOn(w -> w.sentAt() > lockReturned.get()).isNotEmpty()
                .allSatisfy(w -> assertThat(w.status()).as("write sent after the lock").isEqualTo(409));
        List<JsonNode> trail = Riwayat.entries(PEMDA, tahun, null, null);
        long lockId = trail.stream().filter(e -> e.get("aksi").asText().equals("kunci.pasang")).findFirst()
                .orElseThrow().get("id").asLong();
        Map<BigDecimal, JsonNode> byValue = new HashMap<>();
        trail.stream().filter(e -> e.get("aksi").asText().equals("realisasi.ubah"))
                .forEach(e -> byValue.put(e.get("sesudah").get("nilai").decimalValue().stripTrailingZeros(), e));
        List<Write> ok = writes.stream().filter(w -> w.status() == 200).toList();
        assertThat(byValue).as("one entry per accepted write").hasSize(ok.size());
        Map<Integer, JsonNode> last = new LinkedHashMap<>();
        for (Write w : ok) {
            JsonNode e = byValue.get(w.nilai().stripTrailingZeros());
            assertThat(e).as("audit entry of accepted write %s", w).isNotNull();
            assertThat(e.get("id").asLong()).as("audited before the lock: %s", w).isLessThan(lockId);
            assertThat(e.get("entitas").asText()).isEqualTo("indikator/" + w.nomor() + "/realisasi/12");
            last.merge(w.nomor(), e, (a, b) -> a.get("id").asLong() > b.get("id").asLong() ? a : b);
        }
        // What is stored is what the last accepted write of each indicator set.
        for (Map.Entry<Integer, JsonNode> l : last.entrySet()) {
            JsonNode series = Riwayat.read(given().when().get(base + "/nodes/2.08.02/indikator/" + l.getKey() + "/realisasi")
                    .then().statusCode(200).extract().asString());
            assertThat(series).singleElement().satisfies(m -> assertThat(m.get("nilai").decimalValue())
                    .isEqualByComparingTo(l.getValue().get("sesudah").get("nilai").decimalValue()));
        }
        Riwayat.kunci(PEMDA, tahun, UNLOCK).statusCode(200);
    }

    /** Two indicators on 2.08.02, the first with a realization for month 12. */
    private static void seed(String base) {
        given().contentType("application/json").body("[" + node("2.08.02", indikator("ARG", "%", "positif", null, "65"),
                        indikator("Unmet need", "%", "negatif", null, "8")) + "]")
                .when().put(base + "/nodes").then().statusCode(200);
        given().contentType("application/json").body("{\"nilai\": 27.54}")
                .when().put(base + "/nodes/2.08.02/indikator/1/realisasi/12").then().statusCode(200);
    }

    /**
     * Every write path of the resource once, in an order that succeeds on the seed once the year is open
     * ({@code token} null: the default admin token).
     */
    private static Map<String, Supplier<ValidatableResponse>> everyWrite(String base, String token) {
        Map<String, Supplier<ValidatableResponse>> w = new LinkedHashMap<>();
        w.put("PUT nodes", () -> as(token).contentType("application/json")
                .body("[" + node("2.08.02", indikator("ARG", "%", "positif", null, "70"),
                        indikator("Unmet need", "%", "negatif", null, "8")) + ", "
                        + node("2.08.03", indikator("Baru", "orang", "positif", null, "10")) + "]")
                .when().put(base + "/nodes").then());
        w.put("DELETE indikator", () -> as(token).when().delete(base + "/nodes/2.08.02/indikator/2").then());
        w.put("PUT realisasi (JSON)", () -> as(token).contentType("application/json").body("{\"nilai\": 33.3}")
                .when().put(base + "/nodes/2.08.02/indikator/1/realisasi/12").then());
        w.put("PUT realisasi (text/plain)", () -> as(token).contentType("text/plain").body("44,4")
                .when().put(base + "/nodes/2.08.02/indikator/1/realisasi/11").then());
        w.put("PUT realisasi bulk", () -> as(token).contentType("application/json")
                .body("[{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 55.5}]")
                .when().put(base + "/realisasi/10").then());
        w.put("PUT progres (JSON)", () -> as(token).contentType("application/json").body("{\"persen\": 45.5}")
                .when().put(base + "/nodes/2.08.02.2.01.0001/progres/6").then());
        w.put("PUT progres (text/plain)", () -> as(token).contentType("text/plain").body("50,25")
                .when().put(base + "/nodes/2.08.02.2.01.0001/progres/7").then());
        w.put("PUT progres bulk", () -> as(token).contentType("application/json")
                .body("[{\"kode\": \"2.08.02.2.01.0002\", \"persen\": 10}]")
                .when().put(base + "/progres/6").then());
        return w;
    }

    private static RequestSpecification as(String token) {
        return token == null ? given() : given().header("Authorization", TestTokens.bearer(token));
    }

    private static void assertLocked(String name, ValidatableResponse r) {
        r.statusCode(409).contentType("application/problem+json")
                .body("type", is("/problems/tahun-terkunci")).body("status", is(409));
        assertThat(r.extract().jsonPath().getString("detail")).as(name).contains("dikunci oleh Dev verifikator");
    }
}
