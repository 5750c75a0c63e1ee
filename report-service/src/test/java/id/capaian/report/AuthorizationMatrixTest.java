package id.capaian.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import id.capaian.report.evaluasi.EvaluasiSignOffTest;
import id.capaian.testing.AuthorizationMatrix;
import id.capaian.testing.AuthorizationMatrix.Rule;
import id.capaian.testing.DbSnapshot;
import id.capaian.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every operation of report-service's OpenAPI document × every role and scope × invalid tokens (issue 16), with
 * the REAL owners up: the import, the lock and the E.81 sign-off go through them with the caller's token.
 * Shares its application (and owners) with EvaluasiSignOffTest.
 */
@QuarkusTest
@QuarkusTestResource(value = OwnerServices.class, restrictToAnnotatedClass = true)
@TestProfile(EvaluasiSignOffTest.WithOwners.class)
class AuthorizationMatrixTest {

    static final String REPORTS = "/api/v1/reports/63.10/2024";
    static final String ADMIN = TestTokens.bearer(TestTokens.admin("63.10"));
    /** The tables the consumer writes on its own, after the owners' events: only their row counts must stay. */
    static final String[] READ_MODEL = {"entity_state", "anggaran", "indikator"};

    @TestHTTPResource URL url;
    @Inject DataSource ds;

    @Test
    void everyOperationAnswersEveryCallerAsTheRoleTableSays() throws Exception {
        // the example DPA of the document (P3AP2KB), imported through the owners as the document's own example
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String tsv = doc.getString("paths.'/api/v1/imports/{pemda}/{tahun}/{opd}/capaian'.post.requestBody.content."
                + "'text/tab-separated-values'.examples.values()[0].value");
        if (tsv == null) {
            tsv = doc.getString("paths.'/api/v1/imports/{pemda}/{tahun}/{opd}/capaian'.post.requestBody.content."
                    + "'text/tab-separated-values'.example");
        }
        reset();
        given().header("Authorization", ADMIN).contentType("text/tab-separated-values").body(tsv)
                .post("/api/v1/imports/63.10/2024/P3AP2KB/capaian").then().statusCode(200);
        // a test profile of its own starts a report whose fresh database replays the topic from its start (the other
        // classes' events too): the first table can take a while on a busy machine
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> given().header("Authorization", ADMIN)
                .queryParam("urusan", "2.08").get(REPORTS + "/P3AP2KB/capaian").then().statusCode(200));
        exampleImportRecord();
        reset();
        settled();
        AuthorizationMatrix.of("report-service", url.toURI())
                .classify("POST /api/v1/imports/{pemda}/{tahun}/{opd}/capaian", Rule.BULK_WRITE)
                .classify("GET /api/v1/imports/{pemda}/{tahun}/{opd}/capaian/{id}", Rule.READ)
                .classify("GET /api/v1/read-model/check", Rule.OPERATE)
                .classify("GET /api/v1/read-model/check/{pemda}/{tahun}", Rule.REPAIR)
                .classify("POST /api/v1/read-model/rebuild", Rule.OPERATE)
                .classify("GET /api/v1/reports/{pemda}/{tahun}/audit", Rule.READ)
                .classify("GET /api/v1/reports/{pemda}/{tahun}/kunci", Rule.READ)
                .classify("PUT /api/v1/reports/{pemda}/{tahun}/kunci", Rule.LOCK)
                .classify("GET /api/v1/reports/{pemda}/{tahun}/rfk", Rule.READ)
                .classify("GET /api/v1/reports/{pemda}/{tahun}/riwayat", Rule.READ)
                .classify("GET /api/v1/reports/{pemda}/{tahun}/{opd}/analisis", Rule.READ)
                .classify("GET /api/v1/reports/{pemda}/{tahun}/{opd}/anotasi/{kode}", Rule.READ)
                .classify("PUT /api/v1/reports/{pemda}/{tahun}/{opd}/anotasi/{kode}", Rule.ANNOTATE)
                .classify("DELETE /api/v1/reports/{pemda}/{tahun}/{opd}/anotasi/{kode}", Rule.ANNOTATE)
                .classify("GET /api/v1/reports/{pemda}/{tahun}/{opd}/capaian", Rule.READ)
                .classify("GET /api/v1/reports/{pemda}/{tahun}/{opd}/evaluasi-renja", Rule.READ)
                .classify("GET /api/v1/reports/{pemda}/{tahun}/{opd}/rfk", Rule.READ)
                .classify("PUT /api/v1/reports/{pemda}/{tahun}/{opd}/evaluasi-renja/{triwulan}/catatan", Rule.ANNOTATE)
                // its example signs DIEVALUASI: verifikator or admin (DISUSUN, the operator's, is EvaluasiSignOffTest's)
                .classify("PUT /api/v1/reports/{pemda}/{tahun}/{opd}/evaluasi-renja/{triwulan}/status", Rule.LOCK)
                .beforeAllowedWrite(this::reset)
                .snapshot(() -> DbSnapshot.of(ds, READ_MODEL))
                .run();
    }

    /**
     * The state in which every example succeeds: a draft year, the E.81 of quarter II prepared (DISUSUN, so that the
     * example's DIEVALUASI is a valid step; reopening it first reopens the owners' months), an annotation on 2.08.02.
     */
    void reset() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"terkunci\": false, \"alasan\": \"matriks: kembali ke draf\"}").put(REPORTS + "/kunci")
                .then().statusCode(200);
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"status\": \"DRAFT\", \"alasan\": \"matriks: dibuka kembali\"}")
                .put(REPORTS + "/P3AP2KB/evaluasi-renja/2/status").then().statusCode(200);
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"status\": \"DISUSUN\"}")
                .put(REPORTS + "/P3AP2KB/evaluasi-renja/2/status").then().statusCode(200);
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"permasalahan\": \"Belum semua perangkat daerah menyusun dokumen GAP dan GBS\"}")
                .put(REPORTS + "/P3AP2KB/anotasi/2.08.02").then().statusCode(200);
    }

    /**
     * The document's example of {@code GET …/capaian/{id}} names a fixed id: the record of the import above is copied
     * under it, so that every caller the role table allows gets 2xx from a real record.
     */
    void exampleImportRecord() throws Exception {
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            int rows = st.executeUpdate("""
                    INSERT INTO import_run (id, pemda, tahun, opd, bulan, status, pelaku, ringkasan, percobaan)
                    SELECT '5b0f7f0e-3c1a-4a57-9d47-2f3b9a3e1c10', pemda, tahun, opd, bulan, status, pelaku, ringkasan,
                           percobaan
                      FROM import_run WHERE pemda = '63.10' AND tahun = 2024 AND opd = 'P3AP2KB'
                     ORDER BY dibuat DESC LIMIT 1
                    ON CONFLICT (id) DO UPDATE SET status = excluded.status, ringkasan = excluded.ringkasan""");
            if (rows != 1) {
                throw new AssertionError("no import record of P3AP2KB to copy under the example id");
            }
        }
    }

    /** Waits until the read model stops changing: the refused writes are then compared with a still database. */
    void settled() {
        AtomicReference<String> last = new AtomicReference<>("");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> last.getAndSet(DbSnapshot.of(ds)).equals(last.get()));
    }
}
