package id.capaian.report.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import id.capaian.testing.LocalInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The endpoint's refusals. The owners are stand-ins that record every request: a refused import must
 * reach none of them (validation precedes every owner call); with the owners down, a valid file gets 503
 * naming budget-service. The import through the real owners is CapaianEndToEndTest's.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
@TestProfile(FakeOwners.Profile.class)
class ImportResourceTest {

    static final String PATH = "/api/v1/imports/63.10/2024/{opd}/capaian";

    @Inject EntityManager em;

    static String opd() {
        return "IMP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Transactional
    long stated(String opd) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM import_stated WHERE opd = ?1")
                .setParameter(1, opd).getSingleResult()).longValue();
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemAndNoOwnerIsCalled() {
        String opd = opd();
        int calls = FakeOwners.CALLS.size();
        String bad = Fixture.tsv()
                .replace("\tpositif\t65\t1.538.412.800\t", "\tnaik\t65\t1.538.412.800\t")
                .replace("\t85.106.900\t100\t65.922.900", "\t85.106.901\t100\t65.922.900");
        given().contentType("text/tab-separated-values").body(bad)
                .post(PATH, opd)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/impor-tidak-valid"))
                .body("instance", equalTo("/api/v1/imports/63.10/2024/" + opd + "/capaian"))
                .body("errors", hasSize(2))
                .body("errors.field", hasItem("baris 2, kolom polaritas"))
                .body("errors.field", hasItem("baris 3, kolom target_anggaran"));
        assertThat(FakeOwners.CALLS).hasSize(calls);
        assertThat(stated(opd)).isZero();
    }

    @Test
    void aBadCsvAndABadWorkbookAreRefusedTheSameWay() {
        int calls = FakeOwners.CALLS.size();
        String bad = Fixture.tsv().replace("2.08.02.2.01.0003\t", "2.08.02.2.01.003\t");
        given().contentType("text/csv").body(Fixture.csv(bad, ';'))
                .post(PATH, opd()).then().statusCode(422)
                .body("errors.field", equalTo(java.util.List.of("baris 4, kolom kode")));
        given().contentType(TabelReader.XLSX).body(Fixture.xlsx(bad))
                .post(PATH, opd()).then().statusCode(422)
                .body("errors.field", equalTo(java.util.List.of("baris 4, kolom kode")));
        assertThat(FakeOwners.CALLS).hasSize(calls);
    }

    @Test
    void aValidFileReachesForTheOwnersAndSaysWhichOneIsAway() {
        String opd = opd();
        FakeOwners.down();
        try {
            given().contentType("text/tab-separated-values; charset=UTF-8").body(Fixture.tsv())
                .post(PATH, opd)
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("/problems/layanan-tidak-tersedia"))
                .body("detail", containsString("indicator-service")) // the first owner asked: its dry run
                .body("detail", containsString("Belum ada data yang ditulis"));
        } finally {
            FakeOwners.up();
        }
        assertThat(stated(opd)).isZero();
    }

    @Test
    void badParametersAndMediaTypesAreRefused() {
        String tsv = Fixture.tsv();
        given().contentType("text/tab-separated-values").body(tsv).queryParam("bulan", "13")
                .post(PATH, opd()).then().statusCode(400).body("errors[0].field", equalTo("bulan"));
        given().contentType("text/tab-separated-values").body(tsv)
                .post("/api/v1/imports/63.10/1999/{opd}/capaian", opd()).then().statusCode(400)
                .body("errors[0].field", equalTo("tahun"));
        given().contentType("text/tab-separated-values").body(tsv)
                .post(PATH, "p3ap2kb").then().statusCode(400).body("errors[0].field", equalTo("opd"));
        given().contentType("application/json").body("{}")
                .post(PATH, opd()).then().statusCode(415).contentType("application/problem+json");
        given().contentType(TabelReader.XLSX).body("not a workbook".getBytes())
                .post(PATH, opd()).then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/csv").body(new byte[0])
                .post(PATH, opd()).then().statusCode(422).body("errors.field", equalTo(java.util.List.of("body")));
    }

    @Test
    void theEndpointIsDocumented() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/imports/{pemda}/{tahun}/{opd}/capaian'.post.requestBody.content", org.hamcrest.Matchers.aMapWithSize(3))
                .body("paths.'/api/v1/imports/{pemda}/{tahun}/{opd}/capaian'.post.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("200", "400", "413", "415", "422", "502", "503"));
    }
}
