package id.capaian.report.temuan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.capaian.report.readmodel.ReadModel;
import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Implausible indicators reach the audit through the real topic: a percentage realized above 100 and a capaian
 * fisik above the configured bound (300 by default) are findings; a plausible one is not.
 */
@QuarkusTest
class AuditPlausibilityTest {

    static final String PEMDA = "63.94";
    static final String OPD = "PLA" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    static final String PERSEN = "2.08.02.2.01.0001";
    static final String DOKUMEN = "2.08.02.2.01.0002";
    static final String WAJAR = "2.08.02.2.01.0003";

    @Inject ReadModel readModel;

    static String subject(String kode) {
        return PEMDA + "/2024/" + OPD + "/" + kode + "/1";
    }

    static String indicator(String kode, String satuan, String target, String realisasi) {
        return """
                {"specversion":"1.0","id":"%s","source":"indicator-service","type":"indicator.realization-updated",
                 "time":"%s","subject":"%s","datacontenttype":"application/json","version":1,
                 "data":{"pemda":"%s","tahun":2024,"opd":"%s","kode":"%s","nomor":1,"nama":"Indikator %s","satuan":"%s",
                         "polaritas":"positif","rumus":null,"target":%s,"realisasi":%s,"bulan":12,"capaian":null,
                         "predikat":null,"bulanan":[{"bulan":12,"nilai":%s}],"removed":false}}"""
                .formatted(UUID.randomUUID(), Instant.now(), subject(kode), PEMDA, OPD, kode, kode, satuan, target,
                        realisasi, realisasi);
    }

    static double number(Object json) {
        return ((Number) json).doubleValue();
    }

    @Test
    void aPercentageAbove100AndACapaianAboveTheBoundAreFindings() {
        TopicProbe.send("realization-updated", subject(PERSEN), indicator(PERSEN, "%", "80", "120")); // capaian 150
        TopicProbe.send("realization-updated", subject(DOKUMEN), indicator(DOKUMEN, "dokumen", "2", "10")); // 500
        TopicProbe.send("realization-updated", subject(WAJAR), indicator(WAJAR, "%", "90", "95"));
        for (String kode : List.of(PERSEN, DOKUMEN, WAJAR)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> readModel.version(subject(kode)) >= 1);
        }
        List<Map<String, Object>> temuan = given().get("/api/v1/reports/{pemda}/2024/audit", PEMDA).then()
                .statusCode(200).extract().jsonPath().getList("temuan");
        List<Map<String, Object>> ours = temuan.stream().filter(t -> OPD.equals(t.get("opd"))).toList();
        assertThat(ours).filteredOn(t -> t.get("kode").equals(PERSEN)).extracting(t -> t.get("jenis"))
                .contains("REALISASI_PERSEN_DI_ATAS_100").doesNotContain("CAPAIAN_TIDAK_WAJAR");
        assertThat(ours).filteredOn(t -> t.get("kode").equals(DOKUMEN)).extracting(t -> t.get("jenis"))
                .contains("CAPAIAN_TIDAK_WAJAR").doesNotContain("REALISASI_PERSEN_DI_ATAS_100");
        assertThat(ours).filteredOn(t -> t.get("kode").equals(WAJAR)).extracting(t -> t.get("jenis"))
                .doesNotContain("CAPAIAN_TIDAK_WAJAR", "REALISASI_PERSEN_DI_ATAS_100");

        Map<String, Object> persen = ours.stream().filter(t -> t.get("jenis").equals("REALISASI_PERSEN_DI_ATAS_100"))
                .findFirst().orElseThrow();
        assertThat(number(persen.get("diharapkan"))).isEqualTo(100.0);
        assertThat(number(persen.get("tercatat"))).isEqualTo(120.0);
        assertThat((String) persen.get("keterangan")).contains("120%");
        Map<String, Object> wajar = ours.stream().filter(t -> t.get("jenis").equals("CAPAIAN_TIDAK_WAJAR"))
                .findFirst().orElseThrow();
        assertThat(number(wajar.get("diharapkan"))).isEqualTo(300.0);
        assertThat(number(wajar.get("tercatat"))).isEqualTo(500.0);
        assertThat((String) wajar.get("keterangan")).contains("500%").contains("300%");
    }
}
