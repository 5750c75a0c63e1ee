package id.capaian.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Months closed after a quarter's evaluation: their realizations are refused until a verifikator reopens them. */
@QuarkusTest
class MonthClosingTest {

    static final String SUB = "2.08.02.2.01.0003";
    static final String SUB2 = "2.08.02.2.01.0004";

    @Inject DataSource ds;

    static io.restassured.response.Response close(String opd, String auth, String body) {
        return given().header("Authorization", auth).contentType("application/json").body(body)
                .put(GovernanceTest.dpa(2024, opd) + "/penutupan");
    }

    static io.restassured.response.Response realisasi(String opd, int bulan, String jumlah) {
        return given().header("Authorization", GovernanceTest.operator(opd)).contentType("application/json")
                .body("{\"jumlah\": " + jumlah + "}").put(GovernanceTest.dpa(2024, opd) + "/nodes/" + SUB + "/realisasi/" + bulan);
    }

    static io.restassured.response.Response bulk(String opd, int bulan, String jumlah) {
        return given().header("Authorization", GovernanceTest.operator(opd)).contentType("application/json")
                .body("[{\"kode\": \"" + SUB + "\", \"jumlah\": " + jumlah + "}, {\"kode\": \"" + SUB2 + "\", \"jumlah\": 1}]")
                .put(GovernanceTest.dpa(2024, opd) + "/realisasi/" + bulan);
    }

    @Test
    void closedMonthsRefuseRealizationsUntilReopenedWithAReason() {
        String opd = Seed.newOpd("TUTUP");
        GovernanceTest.seed(2024, opd);
        realisasi(opd, 1, "100").then().statusCode(200);
        String verifikator = GovernanceTest.verifikator();

        // an operator may not close months
        close(opd, GovernanceTest.operator(opd), "{\"sampaiBulan\": 3}").then().statusCode(403);
        given().get(GovernanceTest.dpa(2024, opd) + "/penutupan").then().statusCode(200).body("sampaiBulan", is(0));

        close(opd, verifikator, "{\"sampaiBulan\": 3, \"alasan\": \"Evaluasi Renja triwulan I selesai\"}")
                .then().statusCode(200).body("sampaiBulan", is(3)).body("oleh", is("dev-verifikator"));
        given().get(GovernanceTest.dpa(2024, opd) + "/penutupan").then().statusCode(200).body("sampaiBulan", is(3));

        String before = Seed.snapshot(ds, opd);
        for (int bulan : List.of(1, 2, 3)) {
            realisasi(opd, bulan, "200").then().statusCode(409).contentType("application/problem+json")
                    .body("type", is("/problems/bulan-tertutup")).body("errors[0].field", is("bulan"));
            bulk(opd, bulan, "200").then().statusCode(409).body("type", is("/problems/bulan-tertutup"));
        }
        assertThat(Seed.snapshot(ds, opd)).as("nothing written while closed").isEqualTo(before);
        // the same amount as stored is refused too: the month is closed, whatever the value
        realisasi(opd, 1, "100").then().statusCode(409);

        // later months stay open
        realisasi(opd, 4, "300").then().statusCode(200);
        bulk(opd, 5, "400").then().statusCode(200);

        // reopening needs a reason
        close(opd, verifikator, "{\"sampaiBulan\": 1}").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("alasan"));
        given().get(GovernanceTest.dpa(2024, opd) + "/penutupan").then().statusCode(200).body("sampaiBulan", is(3));
        close(opd, verifikator, "{\"sampaiBulan\": 1, \"alasan\": \"Koreksi realisasi Februari\"}")
                .then().statusCode(200).body("sampaiBulan", is(1));
        realisasi(opd, 2, "150").then().statusCode(200);
        realisasi(opd, 1, "120").then().statusCode(409);
        // the idempotent repeat changes nothing and is not audited again
        close(opd, verifikator, "{\"sampaiBulan\": 1}").then().statusCode(200);

        JsonPath trail = GovernanceTest.trail(2024, "opd=" + opd);
        List<String> aksi = trail.getList("items.aksi");
        assertThat(aksi.stream().filter(a -> a.startsWith("penutupan.")).toList())
                .containsExactly("penutupan.buka", "penutupan.tutup");
        int buka = aksi.indexOf("penutupan.buka");
        assertThat(trail.getString("items[" + buka + "].sesudah.alasan")).isEqualTo("Koreksi realisasi Februari");
        assertThat(trail.getInt("items[" + buka + "].sebelum.sampaiBulan")).isEqualTo(3);
        assertThat(trail.getString("items[" + buka + "].pelaku")).isEqualTo("dev-verifikator");
        assertThat(aksi.subList(0, buka)).containsExactly("realisasi.ubah");
    }
}
