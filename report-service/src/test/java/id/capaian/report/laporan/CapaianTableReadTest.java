package id.capaian.report.laporan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.capaian.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The table's one read (anggaran, indikator, anotasi and the year's locks in one statement) over HTTP, on data fed
 * through the real topic: an urusan with indicators and no anggaran, the indicators of a node in nomor order, the
 * annotations of each node, a year that has annotations only (404), and which lock makes the table FINAL: not
 * another OPD's, the OPD's own, and the whole year's before the OPD's.
 */
@QuarkusTest
class CapaianTableReadTest {

    static final int TAHUN = 2029;
    static final String OPD = "TBL" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    static final String OTHER = "TBX" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    static final String BASE = "/api/v1/reports/63.10/" + TAHUN + "/" + OPD;
    static boolean fed;

    @Inject DataSource ds;

    static String subject(String kode) {
        return "63.10/" + TAHUN + "/" + OPD + "/" + kode;
    }

    static String budget(String kode, String pagu, String realisasi) {
        return """
                {"specversion":"1.0","id":"%s","source":"budget-service","type":"budget.realization-updated",
                 "time":"%s","subject":"%s","datacontenttype":"application/json","version":1,
                 "data":{"pemda":"63.10","tahun":%d,"opd":"%s","kode":"%s","uraian":"Sub %s",
                         "kegiatan":{"kode":"%s","uraian":"Kegiatan"},"program":{"kode":"%s","uraian":"Program"},
                         "pagu":%s,"realisasi":%s,"bulan":12,"bulanan":[{"bulan":12,"jumlah":%s}],"removed":false}}"""
                .formatted(UUID.randomUUID(), Instant.now(), subject(kode), TAHUN, OPD, kode, kode, kode.substring(0, 12),
                        kode.substring(0, 7), pagu, realisasi, realisasi);
    }

    static String indicator(String kode, int nomor, String nama, String target, String realisasi) {
        return """
                {"specversion":"1.0","id":"%s","source":"indicator-service","type":"indicator.realization-updated",
                 "time":"%s","subject":"%s","datacontenttype":"application/json","version":1,
                 "data":{"pemda":"63.10","tahun":%d,"opd":"%s","kode":"%s","nomor":%d,"nama":"%s","satuan":"%%",
                         "polaritas":"positif","rumus":null,"target":%s,"realisasi":%s,"bulan":12,"capaian":null,
                         "predikat":null,"bulanan":[{"bulan":12,"nilai":%s}],"removed":false}}"""
                .formatted(UUID.randomUUID(), Instant.now(), subject(kode) + "/" + nomor, TAHUN, OPD, kode, nomor, nama,
                        target, realisasi, realisasi);
    }

    static void send(String kode, String event) {
        TopicProbe.send("realization-updated", kode, event);
    }

    static JsonPath table(String urusan) {
        return given().queryParam("urusan", urusan).get(BASE + "/capaian").then().statusCode(200).extract().jsonPath();
    }

    @BeforeEach
    void feed() {
        if (fed) {
            return;
        }
        send(subject("2.08.02.2.01.0003"), budget("2.08.02.2.01.0003", "1000000.00", "250000.00"));
        send(subject("2.08.02.2.01.0004"), budget("2.08.02.2.01.0004", "500000.00", "500000.00"));
        // nomor 2 first: the table lists a node's indicators by nomor
        send(subject("2.08.02/2"), indicator("2.08.02", 2, "Kedua", "10", "5"));
        send(subject("2.08.02/1"), indicator("2.08.02", 1, "Pertama", "80", "40"));
        // urusan 2.09: indicators only, no anggaran
        send(subject("2.09.02/1"), indicator("2.09.02", 1, "Program tanpa anggaran", "50", "25"));
        send(subject("2.09.02.2.01/1"), indicator("2.09.02.2.01", 1, "Kegiatan tanpa anggaran", "4", "4"));
        given().contentType("application/json").body("{\"kebijakan\": \"Kb\", \"upaya\": \"Up\"}")
                .put(BASE + "/anotasi/2.09.02").then().statusCode(200);
        given().contentType("application/json").body("{\"permasalahan\": \"Pm\", \"tindakLanjut\": \"Tl\"}")
                .put(BASE + "/anotasi/2.09.02.2.01").then().statusCode(200);
        // urusan 2.10: an annotation and nothing else
        given().contentType("application/json").body("{\"upaya\": \"sendiri\"}")
                .put(BASE + "/anotasi/2.10.02").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response a = given().queryParam("urusan", "2.08").get(BASE + "/capaian");
            Response b = given().queryParam("urusan", "2.09").get(BASE + "/capaian");
            return a.statusCode() == 200 && b.statusCode() == 200
                    && new BigDecimal(a.jsonPath().getString("total.anggaran.pagu")).compareTo(new BigDecimal("1500000")) == 0
                    && a.jsonPath().getList("rows.find { it.kode == '2.08.02' }.indikator").size() == 2
                    && b.jsonPath().getList("rows").size() == 2;
        });
        fed = true;
    }

    @Test
    void anUrusanWithIndicatorsOnlyHasItsRowsTheirNotesAndNoAnggaran() {
        JsonPath t = table("2.09");
        assertThat(t.getList("rows.kode", String.class)).containsExactly("2.09.02", "2.09.02.2.01");
        assertThat(t.getString("status")).isEqualTo("DRAFT");
        assertThat(new BigDecimal(t.getString("total.anggaran.pagu"))).isZero();
        assertThat(t.getString("total.anggaran.capaian")).isNull();
        assertThat(new BigDecimal(t.getString("rows[0].anggaran.pagu"))).isZero();
        assertThat(t.getString("rows[0].uraian")).isNull();
        assertThat(t.getString("rows[0].indikator[0].nama")).isEqualTo("Program tanpa anggaran");
        assertThat(new BigDecimal(t.getString("rows[0].indikator[0].capaian"))).isEqualByComparingTo("50");
        assertThat(List.of(t.getString("rows[0].kebijakan"), t.getString("rows[0].upaya"))).containsExactly("Kb", "Up");
        assertThat(t.getString("rows[0].permasalahan")).isNull();
        assertThat(List.of(t.getString("rows[1].permasalahan"), t.getString("rows[1].tindakLanjut")))
                .containsExactly("Pm", "Tl");
        assertThat(t.getString("rows[1].kebijakan")).isNull();
        assertThat(t.getString("rows[1].indikator[0].nama")).isEqualTo("Kegiatan tanpa anggaran");
    }

    /** Nodes that only indicator-service has told about have no name yet: the analysis says null (its schema admits it). */
    @Test
    void theAnalysisOfNodesWithoutAnggaranNamesThemNull() {
        JsonPath a = given().queryParam("urusan", "2.09").get(BASE + "/analisis").then().statusCode(200)
                .extract().jsonPath();
        assertThat(a.getString("program[0].kode")).isEqualTo("2.09.02");
        assertThat(a.getString("program[0].uraian")).isNull();
        assertThat(a.getString("program[0].kegiatan[0].kode")).isEqualTo("2.09.02.2.01");
        assertThat(a.getString("program[0].kegiatan[0].uraian")).isNull();
        assertThat(a.getString("program[0].paragraf")).contains("2.09.02");
    }

    @Test
    void aNodesIndicatorsComeInNomorOrderBesideItsAnggaran() {
        JsonPath t = table("2.08");
        assertThat(t.getList("rows.kode", String.class))
                .containsExactly("2.08.02", "2.08.02.2.01", "2.08.02.2.01.0003", "2.08.02.2.01.0004");
        assertThat(t.getList("rows[0].indikator.nomor", Integer.class)).containsExactly(1, 2);
        assertThat(t.getList("rows[0].indikator.nama", String.class)).containsExactly("Pertama", "Kedua");
        assertThat(new BigDecimal(t.getString("rows[0].anggaran.pagu"))).isEqualByComparingTo("1500000");
        assertThat(new BigDecimal(t.getString("rows[0].anggaran.realisasi"))).isEqualByComparingTo("750000");
        assertThat(t.getList("rows[2].indikator")).isEmpty();
        assertThat(new BigDecimal(t.getString("total.anggaran.realisasi"))).isEqualByComparingTo("750000");
    }

    @Test
    void annotationsAloneAreNoTable() {
        given().queryParam("urusan", "2.10").get(BASE + "/capaian").then().statusCode(404)
                .body("errors[0].field", equalTo("urusan"));
    }

    @Test
    void theYearsLockComesBeforeTheOpdsAndAnotherOpdsLockIsNotOurs() throws Exception {
        try {
            lock(OTHER, "lain");
            JsonPath t = table("2.08");
            assertThat(t.getString("status")).isEqualTo("DRAFT");
            assertThat(t.getMap("kunci")).isNull();

            lock(OPD, "opd");
            t = table("2.08");
            assertThat(t.getString("status")).isEqualTo("FINAL");
            assertThat(t.getString("kunci.opd")).isEqualTo(OPD);
            assertThat(t.getString("kunci.alasan")).isEqualTo("opd");
            assertThat(t.getString("kunci.sejak")).isEqualTo("2030-03-31T02:00:00Z");

            lock("", null);
            t = table("2.08");
            assertThat(t.getString("status")).isEqualTo("FINAL");
            assertThat(t.getString("kunci.opd")).isNull();
            assertThat(t.getString("kunci.alasan")).isNull();
            assertThat(t.getString("kunci.oleh")).isEqualTo("verifikator-tahun");
            assertThat(t.getInt("kunci.tahun")).isEqualTo(TAHUN);
            assertThat(t.getList("rows.kode", String.class)).hasSize(4);
        } finally {
            try (Connection c = ds.getConnection();
                    PreparedStatement s = c.prepareStatement("DELETE FROM year_lock WHERE pemda = '63.10' AND tahun = ?")) {
                s.setInt(1, TAHUN);
                s.executeUpdate();
            }
        }
    }

    /** A lock row as YearLocks writes it (the owners need not be running to read a lock). */
    void lock(String opd, String alasan) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO year_lock (pemda, tahun, opd, alasan, oleh, nama, sejak)
                VALUES ('63.10', ?, ?, ?, ?, 'Penguji', timestamptz '2030-03-31 02:00:00+00')""")) {
            s.setInt(1, TAHUN);
            s.setString(2, opd);
            s.setString(3, alasan);
            s.setString(4, opd.isEmpty() ? "verifikator-tahun" : "verifikator-" + opd);
            s.executeUpdate();
        }
    }
}
