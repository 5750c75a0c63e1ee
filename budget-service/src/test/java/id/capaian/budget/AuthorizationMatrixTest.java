package id.capaian.budget;

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

/** Every operation of budget-service's OpenAPI document × every role and scope × invalid tokens. */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String DPA = "/api/v1/dpa/63.10/2024/P3AP2KB";

    @TestHTTPResource URL url;
    @Inject DataSource ds;

    @Test
    void everyOperationAnswersEveryCallerAsTheRoleTableSays() throws Exception {
        reset();
        AuthorizationMatrix.of("budget-service", url.toURI())
                .classify("GET /api/v1/dpa/{pemda}/{tahun}/keadaan", Rule.REPAIR)
                .classify("POST /api/v1/dpa/{pemda}/{tahun}/republikasi", Rule.REPAIR)
                .classify("GET /api/v1/dpa/{pemda}/{tahun}/{opd}", Rule.READ)
                .classify("GET /api/v1/dpa/{pemda}/{tahun}/{opd}/nodes/{kode}", Rule.READ)
                .classify("GET /api/v1/dpa/{pemda}/{tahun}/{opd}/nodes/{kode}/realisasi", Rule.READ)
                .classify("PUT /api/v1/dpa/{pemda}/{tahun}/{opd}/nodes", Rule.BULK_WRITE)
                .classify("PUT /api/v1/dpa/{pemda}/{tahun}/{opd}/realisasi/{bulan}", Rule.BULK_WRITE)
                .classify("PUT /api/v1/dpa/{pemda}/{tahun}/{opd}/nodes/{kode}/realisasi/{bulan}", Rule.WRITE)
                .classify("DELETE /api/v1/dpa/{pemda}/{tahun}/{opd}/nodes/{kode}", Rule.WRITE)
                .classify("GET /api/v1/dpa/{pemda}/{tahun}/kunci", Rule.READ)
                .classify("PUT /api/v1/dpa/{pemda}/{tahun}/kunci", Rule.LOCK)
                .classify("GET /api/v1/dpa/{pemda}/{tahun}/riwayat", Rule.READ)
                .classify("GET /api/v1/dpa/{pemda}/{tahun}/{opd}/nodes/{kode}/rak", Rule.READ)
                .classify("PUT /api/v1/dpa/{pemda}/{tahun}/{opd}/nodes/{kode}/rak", Rule.WRITE)
                .classify("PUT /api/v1/dpa/{pemda}/{tahun}/{opd}/rak", Rule.BULK_WRITE)
                .classify("PUT /api/v1/dpa/{pemda}/{tahun}/{opd}/impor", Rule.BULK_WRITE)
                .classify("GET /api/v1/dpa/{pemda}/{tahun}/{opd}/penutupan", Rule.READ)
                .classify("PUT /api/v1/dpa/{pemda}/{tahun}/{opd}/penutupan", Rule.LOCK)
                .beforeAllowedWrite(this::reset)
                .snapshot(() -> DbSnapshot.of(ds, "outbox"))
                .run();
    }

    /**
     * The state in which every example of the document succeeds: a draft year with every month open, the example
     * DPA, no realization, a cash plan.
     */
    void reset() {
        given().contentType("application/json").body("{\"terkunci\": false, \"alasan\": \"matriks: kembali ke draf\"}")
                .put("/api/v1/dpa/63.10/2024/kunci").then().statusCode(200);
        given().contentType("application/json").body("{\"sampaiBulan\": 0, \"alasan\": \"matriks: semua bulan dibuka\"}")
                .put(DPA + "/penutupan").then().statusCode(200);
        given().contentType("application/json").body("""
                [{"kode": "2.08.02", "uraian": "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan"},
                 {"kode": "2.08.02.2.01", "uraian": "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota"},
                 {"kode": "2.08.02.2.01.0003", "uraian": "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG", "pagu": 73810300.00},
                 {"kode": "2.08.02.2.01.0004", "uraian": "Sosialisasi Kebijakan Pelaksanaan PUG termasuk PPRG", "pagu": 11296600.00}]""")
                .put(DPA + "/nodes").then().statusCode(200);
        given().contentType("application/json")
                .body("[{\"kode\": \"2.08.02.2.01.0003\", \"jumlah\": 0}, {\"kode\": \"2.08.02.2.01.0004\", \"jumlah\": 0}]")
                .put(DPA + "/realisasi/12").then().statusCode(200);
        given().contentType("application/json").body("{\"bulan\": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]}")
                .put(DPA + "/nodes/2.08.02.2.01.0003/rak").then().statusCode(200);
    }
}
