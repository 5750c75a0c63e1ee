package id.capaian.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import id.capaian.report.evaluasi.EvaluasiSignOffTest;
import id.capaian.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * An amount of 15 digits and 2 decimals through the whole event path, against the REAL owners: written to
 * budget-service, published over Kafka, applied to the read model, and answered by the report's API (the capaian
 * table and the RFK) exactly. Every figure is compared as the BigDecimal its JSON text spells, never through a
 * double (a double holds 999999999999999.99 as 1.0E15). The OPD is this test's own, with one sub kegiatan, so the
 * kegiatan, program and total sums are the same amounts.
 */
@QuarkusTest
@QuarkusTestResource(value = OwnerServices.class, restrictToAnnotatedClass = true)
// the profile of the other tests with the owners: no build of another application (the owners and the application
// restart for each such class, as resources restricted to their class do)
@TestProfile(EvaluasiSignOffTest.WithOwners.class)
class BigAmountsTest {

    static final String OPD = "EXA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    static final String SUB = "2.08.02.2.01.0001";
    /** The largest pagu budget-service accepts (below 10^15) and a realisasi just under it. */
    static final BigDecimal PAGU = new BigDecimal("999999999999999.99");
    static final BigDecimal REALISASI = new BigDecimal("999999999999998.01");
    static final BigDecimal SISA = new BigDecimal("1.98");
    /** The test's own reading of the answers: numbers as the BigDecimal of their text, scale kept. */
    static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    static String owner(String service) {
        return ConfigProvider.getConfig().getValue("capaian.services." + service, String.class);
    }

    @Test
    void fifteenDigitsAndTwoDecimalsStayExactFromTheOwnerToTheReport() throws Exception {
        String subject = "63.10/2024/" + OPD + "/" + SUB;
        try (TopicProbe topic = TopicProbe.open("realization-updated")) {
            given().contentType("application/json").body("""
                    [{"kode": "2.08.02", "uraian": "Program besar"}, {"kode": "2.08.02.2.01", "uraian": "Kegiatan besar"},
                     {"kode": "%s", "uraian": "Sub kegiatan besar", "pagu": %s}]""".formatted(SUB, PAGU.toPlainString()))
                    .put(owner("budget") + "/api/v1/dpa/63.10/2024/{opd}/nodes", OPD).then().statusCode(200);
            given().contentType("application/json")
                    .body("[{\"kode\": \"" + SUB + "\", \"jumlah\": " + REALISASI.toPlainString() + "}]")
                    .put(owner("budget") + "/api/v1/dpa/63.10/2024/{opd}/realisasi/3", OPD).then().statusCode(200);

            // the owner's event on Kafka spells both amounts exactly
            List<ConsumerRecord<String, String>> seen = topic.awaitRecord(
                    r -> subject.equals(r.key()) && r.value().contains(REALISASI.toPlainString()), Duration.ofSeconds(60));
            String event = seen.stream().filter(r -> subject.equals(r.key()) && r.value().contains(REALISASI.toPlainString()))
                    .findFirst().orElseThrow().value();
            assertThat(event).contains("\"pagu\":" + PAGU.toPlainString());
        }

        // the read model applied it: the report's table answers the realisasi (the node event may come first)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            JsonNode t = capaian();
            return t != null && row(t, SUB).path("anggaran").path("realisasi").decimalValue().signum() > 0;
        });
        JsonNode table = capaian();
        for (String kode : List.of("2.08.02", "2.08.02.2.01", SUB)) {
            JsonNode anggaran = row(table, kode).path("anggaran");
            assertThat(anggaran.get("pagu").decimalValue()).as(kode + " pagu").isEqualTo(PAGU);
            assertThat(anggaran.get("realisasi").decimalValue()).as(kode + " realisasi").isEqualTo(REALISASI);
            assertThat(anggaran.get("sisa").decimalValue()).as(kode + " sisa").isEqualTo(SISA);
            assertThat(anggaran.get("capaian").decimalValue()).as(kode + " capaian keuangan").isEqualTo(new BigDecimal("100.00"));
        }
        JsonNode total = table.path("total").path("anggaran");
        assertThat(total.get("pagu").decimalValue()).isEqualTo(PAGU);
        assertThat(total.get("realisasi").decimalValue()).isEqualTo(REALISASI);
        assertThat(total.get("sisa").decimalValue()).isEqualTo(SISA);

        // the RFK as of December: the same amounts, cumulative up to the month
        String rfkText = given().queryParam("bulan", 12).get("/api/v1/reports/63.10/2024/{opd}/rfk", OPD)
                .then().statusCode(200).extract().body().asString();
        JsonNode rfk = EXACT.readTree(rfkText);
        for (String kode : List.of("2.08.02", "2.08.02.2.01", SUB)) {
            JsonNode r = row(rfk, kode);
            assertThat(r.get("pagu").decimalValue()).as(kode + " pagu").isEqualTo(PAGU);
            assertThat(r.path("realisasi").get("jumlah").decimalValue()).as(kode + " realisasi").isEqualTo(REALISASI);
        }
        assertThat(rfk.path("total").get("pagu").decimalValue()).isEqualTo(PAGU);
        assertThat(rfk.path("total").path("realisasi").get("jumlah").decimalValue()).isEqualTo(REALISASI);
        assertThat(rfkText).contains(PAGU.toPlainString()).contains(REALISASI.toPlainString()).doesNotContain("E+");
    }

    /** The capaian table of the OPD (urusan 2.08, December) as exact JSON, or null while there is none. */
    static JsonNode capaian() throws Exception {
        var answer = given().queryParam("urusan", "2.08").queryParam("bulan", 12)
                .get("/api/v1/reports/63.10/2024/{opd}/capaian", OPD).then().extract();
        return answer.statusCode() == 200 ? EXACT.readTree(answer.body().asString()) : null;
    }

    static JsonNode row(JsonNode table, String kode) {
        for (JsonNode r : table.path("rows")) {
            if (kode.equals(r.path("kode").asText())) {
                return r;
            }
        }
        throw new AssertionError("no row " + kode + " in " + table);
    }
}
