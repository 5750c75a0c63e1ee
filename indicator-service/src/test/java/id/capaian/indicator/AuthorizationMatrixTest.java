package id.capaian.indicator;

import static io.restassured.RestAssured.given;

import id.capaian.testing.AuthorizationMatrix;
import id.capaian.testing.AuthorizationMatrix.Rule;
import id.capaian.testing.DbSnapshot;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Every operation of indicator-service's OpenAPI document × every role and scope × invalid tokens. */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String BASE = "/api/v1/indikator/{pemda}/{tahun}/{opd}";

    @TestHTTPResource URL url;
    @Inject DataSource ds;

    @Test
    void everyOperationAnswersEveryCallerAsTheRoleTableSays() throws Exception {
        reset();
        AuthorizationMatrix.of("indicator-service", url.toURI())
                .classify("GET /api/v1/indikator/{pemda}/{tahun}/keadaan", Rule.REPAIR)
                .classify("POST /api/v1/indikator/{pemda}/{tahun}/republikasi", Rule.REPAIR)
                .classify("GET " + BASE, Rule.READ)
                .classify("GET " + BASE + "/nodes/{kode}", Rule.READ)
                .classify("GET " + BASE + "/nodes/{kode}/indikator/{nomor}/realisasi", Rule.READ)
                .classify("PUT " + BASE + "/nodes", Rule.BULK_WRITE)
                .classify("PUT " + BASE + "/realisasi/{bulan}", Rule.BULK_WRITE)
                .classify("PUT " + BASE + "/nodes/{kode}/indikator/{nomor}/realisasi/{bulan}", Rule.WRITE)
                .classify("DELETE " + BASE + "/nodes/{kode}/indikator/{nomor}", Rule.WRITE)
                .classify("PUT " + BASE + "/nodes/{kode}/progres/{bulan}", Rule.WRITE)
                .classify("GET " + BASE + "/nodes/{kode}/progres", Rule.READ)
                .classify("PUT " + BASE + "/progres/{bulan}", Rule.BULK_WRITE)
                .classify("PUT " + BASE + "/impor", Rule.BULK_WRITE)
                .classify("GET " + BASE + "/penutupan", Rule.READ)
                .classify("PUT " + BASE + "/penutupan", Rule.LOCK)
                .classify("GET /api/v1/indikator/{pemda}/{tahun}/kunci", Rule.READ)
                .classify("PUT /api/v1/indikator/{pemda}/{tahun}/kunci", Rule.LOCK)
                .classify("GET /api/v1/indikator/{pemda}/{tahun}/riwayat", Rule.READ)
                .beforeAllowedWrite(this::reset)
                .snapshot(() -> DbSnapshot.of(ds, "outbox"))
                .run();
    }

    /**
     * The state in which every example of the document succeeds: a draft year with every month open and the
     * example indicator.
     */
    void reset() {
        given().contentType("application/json").body("{\"terkunci\": false, \"alasan\": \"matriks: kembali ke draf\"}")
                .put("/api/v1/indikator/63.10/2024/kunci").then().statusCode(200);
        given().contentType("application/json").body("{\"sampaiBulan\": 0, \"alasan\": \"matriks: kembali ke draf\"}")
                .put("/api/v1/indikator/63.10/2024/P3AP2KB/penutupan").then().statusCode(200);
        given().contentType("application/json").body("""
                [{"kode": "2.08.02", "indikator": [{"nama": "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten",
                  "satuan": "%", "polaritas": "positif", "target": 65}]}]""")
                .put("/api/v1/indikator/63.10/2024/P3AP2KB/nodes").then().statusCode(200);
    }
}
