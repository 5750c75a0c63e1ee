package id.capaian.report.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.testing.LocalInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the import sends to the owners (stand-ins speaking the contract), what it answers, what it stores. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
@TestProfile(FakeOwners.Profile.class)
class ImportThroughOwnersTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject EntityManager em;

    @Transactional
    List<Object[]> stated(String opd) {
        return em.createNativeQuery("SELECT kode, pagu, realisasi, imported_at FROM import_stated WHERE opd = ?1 ORDER BY kode",
                Object[].class).setParameter(1, opd).getResultList();
    }

    /** The import records of an OPD, newest first: status and kesalahan. */
    @Transactional
    List<Object[]> runs(String opd) {
        return em.createNativeQuery("SELECT status, kesalahan FROM import_run WHERE opd = ?1 ORDER BY dibuat DESC, id",
                Object[].class).setParameter(1, opd).getResultList();
    }

    /** The last body PUT to that path, as sent. */
    static String raw(String path) {
        var call = FakeOwners.CALLS.stream().filter(c -> c.path().equals(path)).reduce((a, b) -> b).orElseThrow();
        assertThat(call.method()).isEqualTo("PUT");
        return call.body();
    }

    static JsonNode sent(String path) throws Exception {
        return JSON.readTree(raw(path));
    }

    @Test
    void theFixtureIsWrittenThroughTheOwnersAndItsStatedTotalsAreKept() throws Exception {
        String opd = "OK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().contentType("text/tab-separated-values").body(Fixture.tsv()).queryParam("bulan", "6")
                .post("/api/v1/imports/63.10/2024/{opd}/capaian", opd)
                .then().statusCode(200)
                .body("bulan", equalTo(6))
                .body("counts.program", equalTo(6)).body("counts.kegiatan", equalTo(15))
                .body("counts.subKegiatan", equalTo(26)).body("counts.indikator", equalTo(47))
                .body("totals.pagu", equalTo(3555368700.00f)).body("totals.realisasi", equalTo(3214176245.00f));

        String dpa = "/63.10/2024/" + opd;
        // Each owner got its whole part as one bundle: indicator-service's judged first (dryRun=true), then budget-service's
        // written (its write is its judgement: the first write anywhere, all or nothing), then indicator-service's.
        assertThat(FakeOwners.CALLS.stream().filter(c -> c.path().contains("/" + opd + "/")).map(c -> c.path() + "?" + c.query()))
                .containsExactly("/api/v1/indikator" + dpa + "/impor?dryRun=true&lainnya=pertahankan",
                        "/api/v1/dpa" + dpa + "/impor?dryRun=false",
                        "/api/v1/indikator" + dpa + "/impor?dryRun=false&lainnya=pertahankan");
        JsonNode budget = sent("/api/v1/dpa" + dpa + "/impor");
        JsonNode nodes = budget.get("nodes");
        assertThat(nodes).hasSize(47);
        assertThat(nodes.get(0).get("kode").asText()).isEqualTo("2.08.02");
        assertThat(nodes.get(0).has("pagu")).isFalse();
        assertThat(raw("/api/v1/dpa" + dpa + "/impor")).contains("{\"kode\":\"2.08.02.2.01.0003\",\"uraian\":"
                + "\"Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG\",\"pagu\":73810300.00}");
        JsonNode realisasi = budget.get("realisasi");
        assertThat(realisasi).hasSize(1);
        assertThat(realisasi.get(0).get("bulan").asInt()).isEqualTo(6);
        assertThat(realisasi.get(0).get("items")).hasSize(26);
        assertThat(raw("/api/v1/dpa" + dpa + "/impor")).contains("\"realisasi\":[{\"bulan\":6,\"items\":["
                + "{\"kode\":\"2.08.02.2.01.0003\",\"jumlah\":55926300.00}");
        JsonNode indicators = sent("/api/v1/indikator" + dpa + "/impor");
        assertThat(indicators.get("nodes")).hasSize(47);
        assertThat(raw("/api/v1/indikator" + dpa + "/impor")).startsWith("{\"nodes\":[" + "{\"kode\":\"2.08.02\",\"indikator\":[{\"nama\":"
                + "\"Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten\",\"satuan\":\"%\","
                + "\"polaritas\":\"positif\",\"target\":65}]}");
        JsonNode fisik = indicators.get("realisasi").get(0).get("items");
        assertThat(fisik).hasSize(47);
        assertThat(raw("/api/v1/indikator" + dpa + "/impor")).contains("\"realisasi\":[{\"bulan\":6,\"items\":["
                + "{\"kode\":\"2.08.02\",\"nomor\":1,\"nilai\":27.54}");

        // Every owner call carried the caller's own token.
        String token = id.capaian.testing.TestTokens.bearer(id.capaian.testing.TestTokens.admin("63.10"));
        assertThat(FakeOwners.CALLS.stream().filter(c -> c.path().contains("/" + opd + "/")))
                .hasSize(3).allSatisfy(c -> assertThat(c.authorization()).isEqualTo(token));
        // One entry in report-service's own trail, with what was imported.
        given().accept("application/json").queryParam("opd", opd).get("/api/v1/reports/63.10/2024/riwayat").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].aksi", equalTo("import.capaian")).body("items[0].entitas", equalTo("import"))
                .body("items[0].pelaku", equalTo("dev-admin")).body("items[0].sebelum", org.hamcrest.Matchers.nullValue())
                .body("items[0].sesudah.bulan", equalTo(6)).body("items[0].sesudah.counts.subKegiatan", equalTo(26))
                .body("items[0].sesudah.totals.pagu", equalTo(3555368700.00f));

        List<Object[]> first = stated(opd);
        assertThat(first).hasSize(21);
        assertThat(first.get(0)[0]).isEqualTo("2.08.02");
        assertThat(first.get(0)[1].toString()).isEqualTo("1538412800.00");
        assertThat(first.get(0)[2].toString()).isEqualTo("1447984582.00");

        // The same file again: the same idempotent PUTs, and the stated totals are left as they were.
        given().contentType("text/tab-separated-values").body(Fixture.tsv()).queryParam("bulan", "6")
                .post("/api/v1/imports/63.10/2024/{opd}/capaian", opd).then().statusCode(200);
        List<Object[]> second = stated(opd);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).containsExactly(first.get(i));
        }
    }

    @Test
    void anOwnersLockIsPassedOnAsA409NamingIt() {
        given().contentType("text/tab-separated-values").body(Fixture.tsv())
                .post("/api/v1/imports/63.10/2024/LOCKED/capaian")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/tahun-terkunci"))
                .body("title", equalTo("Tahun terkunci di indicator-service"))
                .body("detail", containsString("indicator-service menjawab 409"))
                .body("detail", containsString("dikunci oleh Ahmad Fauzi"))
                .body("errors[0].field", equalTo("indicator-service: opd"));
        assertThat(stated("LOCKED")).isEmpty();
        given().accept("application/json").queryParam("opd", "LOCKED").get("/api/v1/reports/63.10/2024/riwayat").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anOwnersRefusalIsPassedOnWithItsDetailsAndTheRowsAtFault() {
        int before = FakeOwners.CALLS.size();
        int runsBefore = runs("REFUSED").size();
        given().contentType("text/tab-separated-values").body(Fixture.tsv())
                .post("/api/v1/imports/63.10/2024/REFUSED/capaian")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/impor-ditolak"))
                .body("title", containsString("budget-service"))
                .body("detail", containsString("/problems/tahun-terkunci"))
                .body("detail", containsString("DPA 2024 sudah dikunci"))
                .body("errors[0].field", equalTo("budget-service: nodes[2].pagu"))
                .body("errors[0].message", equalTo("tahun terkunci (baris 4, kode 2.08.02.2.01.0003)"));
        // The refusal came from budget-service's write, after indicator-service's dry run: indicator-service was not
        // asked to write, no stated totals are kept, and the import is recorded as failed.
        assertThat(FakeOwners.CALLS.subList(before, FakeOwners.CALLS.size())).extracting(c -> c.path() + "?" + c.query())
                .containsExactly("/api/v1/indikator/63.10/2024/REFUSED/impor?dryRun=true&lainnya=pertahankan",
                        "/api/v1/dpa/63.10/2024/REFUSED/impor?dryRun=false");
        assertThat(stated("REFUSED")).isEmpty();
        List<Object[]> runs = runs("REFUSED");
        assertThat(runs).hasSize(runsBefore + 1);
        assertThat(runs.get(0)[0]).isEqualTo("GAGAL");
        assertThat((String) runs.get(0)[1]).contains("DPA 2024 sudah dikunci");
    }
}
