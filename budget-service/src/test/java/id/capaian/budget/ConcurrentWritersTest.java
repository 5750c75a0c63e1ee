package id.capaian.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * 8 clients write realizations at once, 4 of them to the same month of the same sub kegiatan: per subject the
 * outbox holds versions 1..n with no gap and no duplicate, one per write, and the last version is the stored state.
 */
@QuarkusTest
class ConcurrentWritersTest {

    static final int THREADS = 8;
    static final int WRITES = 10;
    static final String[] SUBS = {"2.08.02.2.01.0003", "2.08.02.2.01.0004"};

    @Inject DataSource ds;
    @TestHTTPResource("/") URL url;

    @Test
    void concurrentWritersGetDistinctGrowingVersionsAndNoLostUpdate() throws Exception {
        String opd = Seed.newOpd("CONC");
        io.restassured.RestAssured.given().contentType("application/json").body("""
                [{"kode": "2.08.02", "uraian": "P"}, {"kode": "2.08.02.2.01", "uraian": "K"},
                 {"kode": "2.08.02.2.01.0003", "uraian": "A", "pagu": 999999999999.00},
                 {"kode": "2.08.02.2.01.0004", "uraian": "B", "pagu": 999999999999.00}]""")
                .put(Seed.base(opd) + "/nodes").then().statusCode(200);
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Integer> writes = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < WRITES; i++) {
                    // threads 0..3 all write month 12 of A; 4..7 write months of B
                    String kode = thread < 4 ? SUBS[0] : SUBS[1];
                    int bulan = thread < 4 ? 12 : 1 + (thread * WRITES + i) % 12;
                    String body = "{\"jumlah\": " + (thread * 1000 + i + 1) + ".25}";
                    HttpRequest req = HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/$", "")
                                    + Seed.base(opd) + "/nodes/" + kode + "/realisasi/" + bulan))
                            .header("Content-Type", "application/json")
                            .header("Authorization", TestTokens.bearer(TestTokens.admin("63.10"))).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    writes.merge(kode, 1, Integer::sum);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        for (String kode : SUBS) {
            String subject = "63.10/2024/" + opd + "/" + kode;
            List<Object[]> rows = Seed.outbox(ds, subject);
            int n = 1 + writes.get(kode); // creation, then one per write (every amount differs)
            List<Long> versions = rows.stream().map(r -> (Long) r[0]).toList();
            List<Long> expected = new ArrayList<>();
            for (long v = 1; v <= n; v++) {
                expected.add(v);
            }
            assertThat(versions).as("versions of %s in commit order", subject).isEqualTo(expected);
            JsonNode last = Events.parse((String) rows.get(rows.size() - 1)[1]);
            assertThat(Events.faults((String) rows.get(rows.size() - 1)[1])).isEmpty();
            var stored = io.restassured.RestAssured.given().get(Seed.base(opd) + "/nodes/" + kode)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(stored.getLong("version")).isEqualTo(n);
            List<Map<String, Object>> series = stored.getList("bulanan");
            JsonNode lastSeries = last.path("data").path("bulanan");
            assertThat(lastSeries.size()).isEqualTo(series.size());
            for (int i = 0; i < series.size(); i++) {
                assertThat(lastSeries.get(i).path("bulan").asInt()).isEqualTo(series.get(i).get("bulan"));
                assertThat(lastSeries.get(i).path("jumlah").decimalValue())
                        .isEqualByComparingTo(new BigDecimal(series.get(i).get("jumlah").toString()));
            }
        }
    }
}
