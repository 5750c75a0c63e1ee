package id.capaian.report.evaluasi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Formulir E.81 from crafted owner events over the real broker and read model: the worked example of
 * EVALUASI-RENJA.md to the last column, every quarter, and the edge cases of the quarter and capaian rules.
 */
@QuarkusTest
class EvaluasiFormTest {

    static String example;
    static String cases;

    /** Once per class, but in a test's context (RestAssured's port and token are set before each test). */
    @BeforeEach
    void publish() {
        if (example != null) {
            return;
        }
        example = Events.workedExample();
        cases = Events.opd("EC");
        // Sub kegiatan 1 (v2): no entry in March (missing month), a correction downwards in June.
        Events.budget(cases, "2.08.02.2.01.0001", "Sub satu", "1200.00",
                "{\"bulan\":2,\"jumlah\":100.00},{\"bulan\":6,\"jumlah\":80.00},{\"bulan\":8,\"jumlah\":500.00},{\"bulan\":12,\"jumlah\":900.00}",
                "\"paguMurni\":1200.00,\"rak\":null,\"renstra\":null");
        // Sub kegiatan 2: a v1 event (no renstra), no realization, no indicators.
        Events.budget(cases, "2.08.02.2.01.0002", "Sub dua", "800.00", "", null);
        Events.indicator(cases, "2.08.02.2.01.0001", 1, "Jumlah kegiatan", "kegiatan", "positif", null, "10",
                "{\"bulan\":2,\"nilai\":3},{\"bulan\":7,\"nilai\":6}", "\"agregasi\":\"jumlah\",\"renstra\":null,\"sasaran\":null");
        Events.indicator(cases, "2.08.02.2.01.0001", 2, "Indeks", "indeks", "positif", null, "50",
                "{\"bulan\":1,\"nilai\":10},{\"bulan\":2,\"nilai\":20},{\"bulan\":7,\"nilai\":30}",
                "\"agregasi\":\"akhir\",\"renstra\":{\"target\":60,\"realisasiSebelumnya\":null},\"sasaran\":null");
        // Negatif: always akhir, whatever agregasi says; both formulas.
        Events.indicator(cases, "2.08.02.2.01.0001", 3, "Angka kelahiran", "per 1000", "negatif", "rasio", "8.00",
                "{\"bulan\":3,\"nilai\":6.40}", "\"agregasi\":\"jumlah\",\"renstra\":null,\"sasaran\":null");
        Events.indicator(cases, "2.08.02.2.01.0001", 4, "Unmet need", "%", "negatif", "selisih", "8.00",
                "{\"bulan\":3,\"nilai\":6.40}", "\"renstra\":null,\"sasaran\":null");
        Events.indicator(cases, "2.08.02.2.01.0001", 5, "Tanpa target", "dokumen", "positif", null, "0",
                "{\"bulan\":3,\"nilai\":5}", "\"agregasi\":\"jumlah\",\"renstra\":null,\"sasaran\":null");
        // The program's indicator as a v1 event: no agregasi (akhir), no renstra, no sasaran.
        Events.indicator(cases, "2.08.02", 1, "Persentase ARG", "%", "positif", null, "100", "{\"bulan\":12,\"nilai\":90}", null);
        Events.awaitForm(cases, 4, 6);
    }

    static List<BigDecimal> list(JsonPath j, String path) {
        return j.getList(path, BigDecimal.class);
    }

    static List<BigDecimal> q(String... v) {
        return Arrays.stream(v).map(s -> s == null ? null : new BigDecimal(s)).toList();
    }

    static void eq(JsonPath j, String path, String expected) {
        if (expected == null) {
            assertThat(j.getString(path)).as(path).isNull();
        } else {
            assertThat(new BigDecimal(j.getString(path))).as(path).isEqualByComparingTo(expected);
        }
    }

    static void quarters(JsonPath j, String path, String... expected) {
        List<BigDecimal> actual = list(j, path);
        assertThat(actual).as(path).hasSize(4);
        for (int i = 0; i < 4; i++) {
            if (expected[i] == null) {
                assertThat(actual.get(i)).as(path + "[" + i + "]").isNull();
            } else {
                assertThat(actual.get(i)).as(path + "[" + i + "]").isEqualByComparingTo(expected[i]);
            }
        }
    }

    @Test
    void theWorkedExampleOfTheSpecEveryColumn() {
        JsonPath j = Events.form(example, 2);
        assertThat(j.getString("pemda")).isEqualTo("63.10");
        assertThat(j.getInt("tahun")).isEqualTo(2024);
        assertThat(j.getString("opd")).isEqualTo(example);
        assertThat(j.getInt("triwulan")).isEqualTo(2);
        assertThat(j.getString("status")).isEqualTo("DRAFT");
        assertThat(j.getList("rows.kode")).containsExactly("2.08.02", "2.08.02.2.01", "2.08.02.2.01.0001");
        assertThat(j.getList("rows.level")).containsExactly("PROGRAM", "KEGIATAN", "SUB_KEGIATAN");
        String sub = "rows[2]";
        assertThat(j.getString(sub + ".uraian")).isEqualTo("Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG");
        // Indicator "Jumlah dokumen" (jumlah): I = 2, II = 7 − 2 = 5; 12 = 7, 13 = 58,33, 14 = 47, 15 = 78,33.
        String d = sub + ".indikator[0]";
        assertThat(j.getString(d + ".nama")).isEqualTo("Jumlah dokumen");
        assertThat(j.getString(d + ".satuan")).isEqualTo("dokumen");
        assertThat(j.getString(d + ".polaritas")).isEqualTo("positif");
        assertThat(j.getString(d + ".agregasi")).isEqualTo("jumlah");
        eq(j, d + ".renstraTarget", "60");
        eq(j, d + ".renstraSebelumnya", "40");
        eq(j, d + ".target", "12");
        quarters(j, d + ".triwulan", "2", "5", null, null);
        eq(j, d + ".realisasi", "7");
        assertThat(j.getString(d + ".capaian")).isEqualTo("58.33");
        eq(j, d + ".renstraRealisasi", "47");
        assertThat(j.getString(d + ".renstraCapaian")).isEqualTo("78.33");
        // Indicator "Persentase" (akhir): I = 40, II = 55; 12 = 55, 13 = 68,75, 14 = 55, 15 = 61,11.
        String p = sub + ".indikator[1]";
        assertThat(j.getString(p + ".agregasi")).isEqualTo("akhir");
        eq(j, p + ".renstraTarget", "90");
        eq(j, p + ".renstraSebelumnya", "70");
        eq(j, p + ".target", "80");
        quarters(j, p + ".triwulan", "40", "55", null, null);
        eq(j, p + ".realisasi", "55");
        assertThat(j.getString(p + ".capaian")).isEqualTo("68.75");
        eq(j, p + ".renstraRealisasi", "55");
        assertThat(j.getString(p + ".renstraCapaian")).isEqualTo("61.11");
        // Anggaran: I = 30.000.000, II = 60.000.000; 12 = 90.000.000, 13 = 45,00, 14 = 690.000.000, 15 = 69,00.
        String a = sub + ".anggaran";
        assertThat(j.getString(a + ".renstraPagu")).isEqualTo("1000000000.00");
        assertThat(j.getString(a + ".renstraSebelumnya")).isEqualTo("600000000.00");
        assertThat(j.getString(a + ".target")).isEqualTo("200000000.00");
        quarters(j, a + ".triwulan", "30000000.00", "60000000.00", null, null);
        assertThat(j.getString(a + ".realisasi")).isEqualTo("90000000.00");
        assertThat(j.getString(a + ".capaian")).isEqualTo("45.00");
        assertThat(j.getString(a + ".renstraRealisasi")).isEqualTo("690000000.00");
        assertThat(j.getString(a + ".renstraCapaian")).isEqualTo("69.00");
        // Kegiatan and program: 7–12 and 14 are sums of their sub kegiatan, 5–6 their own entered Renstra.
        String k = "rows[1].anggaran";
        assertThat(j.getString(k + ".renstraPagu")).isEqualTo("1500000000.00");
        assertThat(j.getString(k + ".renstraSebelumnya")).isEqualTo("900000000.00");
        assertThat(j.getString(k + ".target")).isEqualTo("200000000.00");
        quarters(j, k + ".triwulan", "30000000.00", "60000000.00", null, null);
        assertThat(j.getString(k + ".realisasi")).isEqualTo("90000000.00");
        assertThat(j.getString(k + ".renstraRealisasi")).isEqualTo("690000000.00");
        assertThat(j.getString(k + ".renstraCapaian")).isEqualTo("46.00");
        assertThat(j.getString("rows[0].anggaran.renstraPagu")).isEqualTo("4000000000.00");
        assertThat(j.getString("rows[0].anggaran.renstraCapaian")).isEqualTo("17.25");
        assertThat(j.getList("rows[0].indikator")).isEmpty();
        assertThat(j.getList("rows[1].indikator")).isEmpty();
        // Footer: mean of (58,33; 68,75) = 63,54 → Rendah; anggaran 45,00 → Sangat Rendah.
        assertThat(j.getString("rataRata.kinerja")).isEqualTo("63.54");
        assertThat(j.getString("rataRata.anggaran")).isEqualTo("45.00");
        assertThat(j.getString("predikat.kinerja")).isEqualTo("Rendah");
        assertThat(j.getString("predikat.anggaran")).isEqualTo("Sangat Rendah");
        assertThat(j.getString("faktorPendorong")).isNull();
        assertThat(j.getString("disusun")).isNull();
        assertThat(j.getString("dievaluasi")).isNull();
    }

    @Test
    void everyQuarterMissingMonthsCorrectionsAndAkhirWithoutEntry() {
        // Anggaran of sub 1: entries Feb 100, Jun 80, Aug 500, Dec 900 (no March: v(3) = 100; June corrects downwards).
        String[][] anggaran = {
            {"100.00", null, null, null, "100.00"},
            {"100.00", "-20.00", null, null, "80.00"},
            {"100.00", "-20.00", "420.00", null, "500.00"},
            {"100.00", "-20.00", "420.00", "400.00", "900.00"}};
        // Jumlah indicator: Feb 3, Jul 6. Akhir indicator: Jan 10, Feb 20, Jul 30 (none in II and IV).
        String[][] jumlah = {{"3", null, null, null, "3"}, {"3", "0", null, null, "3"}, {"3", "0", "3", null, "6"},
            {"3", "0", "3", "0", "6"}};
        String[][] akhir = {{"20", null, null, null, "20"}, {"20", null, null, null, "20"}, {"20", null, "30", null, "30"},
            {"20", null, "30", null, "30"}};
        for (int n = 1; n <= 4; n++) {
            JsonPath j = Events.form(cases, n);
            assertThat(j.getInt("triwulan")).isEqualTo(n);
            String[] a = anggaran[n - 1];
            quarters(j, "rows[2].anggaran.triwulan", a[0], a[1], a[2], a[3]);
            eq(j, "rows[2].anggaran.realisasi", a[4]);
            String[] s = jumlah[n - 1];
            quarters(j, "rows[2].indikator[0].triwulan", s[0], s[1], s[2], s[3]);
            eq(j, "rows[2].indikator[0].realisasi", s[4]);
            String[] l = akhir[n - 1];
            quarters(j, "rows[2].indikator[1].triwulan", l[0], l[1], l[2], l[3]);
            eq(j, "rows[2].indikator[1].realisasi", l[4]);
            // The node without realization: money is 0 in every evaluated quarter, null after.
            List<BigDecimal> zero = list(j, "rows[3].anggaran.triwulan");
            for (int k = 0; k < 4; k++) {
                if (k < n) {
                    assertThat(zero.get(k)).isEqualByComparingTo("0");
                } else {
                    assertThat(zero.get(k)).isNull();
                }
            }
            // The kegiatan sums its two sub kegiatan.
            quarters(j, "rows[1].anggaran.triwulan", a[0] == null ? null : a[0], a[1], a[2], a[3]);
            eq(j, "rows[1].anggaran.target", "2000.00");
        }
        JsonPath j = Events.form(cases, 4);
        assertThat(j.getString("rows[2].anggaran.capaian")).isEqualTo("75.00");
        assertThat(j.getString("rows[2].indikator[0].capaian")).isEqualTo("60.00");
        // Jumlah without renstra: 14 = 12, 15 undefined. Akhir with a Renstra target: 14 = 12, 15 = 30 / 60.
        eq(j, "rows[2].indikator[0].renstraRealisasi", "6");
        assertThat(j.getString("rows[2].indikator[0].renstraCapaian")).isNull();
        eq(j, "rows[2].indikator[1].renstraRealisasi", "30");
        assertThat(j.getString("rows[2].indikator[1].renstraCapaian")).isEqualTo("50.00");
    }

    @Test
    void negatifIsAlwaysAkhirWithBothFormulasAndAZeroTargetHasNoCapaian() {
        JsonPath j = Events.form(cases, 1);
        Map<String, Object> rasio = j.getMap("rows[2].indikator[2]");
        assertThat(rasio.get("agregasi")).isEqualTo("akhir");
        assertThat(rasio.get("polaritas")).isEqualTo("negatif");
        assertThat(j.getString("rows[2].indikator[2].capaian")).isEqualTo("125.00");
        quarters(j, "rows[2].indikator[2].triwulan", "6.40", null, null, null);
        assertThat(j.getString("rows[2].indikator[3].agregasi")).isEqualTo("akhir");
        assertThat(j.getString("rows[2].indikator[3].capaian")).isEqualTo("120.00");
        assertThat(j.getString("rows[2].indikator[4].capaian")).isNull();
        eq(j, "rows[2].indikator[4].realisasi", "5");
        assertThat(j.getList("rows[2].indikator.nomor")).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void v1EventsNodesWithoutIndicatorsAveragesAndPredikat() {
        JsonPath j = Events.form(cases, 4);
        assertThat(j.getList("rows.kode")).containsExactly("2.08.02", "2.08.02.2.01", "2.08.02.2.01.0001", "2.08.02.2.01.0002");
        // v1 indicator: akhir, no Renstra, no sasaran.
        assertThat(j.getString("rows[0].indikator[0].agregasi")).isEqualTo("akhir");
        assertThat(j.getString("rows[0].indikator[0].renstraTarget")).isNull();
        assertThat(j.getString("rows[0].indikator[0].renstraSebelumnya")).isNull();
        assertThat(j.getString("rows[0].sasaran")).isNull();
        assertThat(j.getString("rows[0].indikator[0].capaian")).isEqualTo("90.00");
        // v1 budget event: Renstra null, so column 15 is undefined; 14 = 12.
        assertThat(j.getList("rows[3].indikator")).isEmpty();
        assertThat(j.getString("rows[3].anggaran.renstraPagu")).isNull();
        assertThat(j.getString("rows[3].anggaran.renstraSebelumnya")).isNull();
        assertThat(j.getString("rows[3].anggaran.target")).isEqualTo("800.00");
        assertThat(j.getString("rows[3].anggaran.capaian")).isEqualTo("0.00");
        assertThat(j.getString("rows[3].anggaran.renstraRealisasi")).isEqualTo("0.00");
        assertThat(j.getString("rows[3].anggaran.renstraCapaian")).isNull();
        // Mean of 60,00; 60,00; 125,00; 120,00; 90,00 (the zero-target indicator has none) = 91,00.
        assertThat(j.getString("rataRata.kinerja")).isEqualTo("91.00");
        assertThat(j.getString("predikat.kinerja")).isEqualTo("Sangat Tinggi");
        // Σ12 / Σ7 = 900 / 2000.
        assertThat(j.getString("rataRata.anggaran")).isEqualTo("45.00");
        assertThat(j.getString("predikat.anggaran")).isEqualTo("Sangat Rendah");
        // At N = 1: only the negatif ones and the zero-target one have a value in quarter I; the mean follows.
        JsonPath one = Events.form(cases, 1);
        // 3/10 = 30; 20/50 = 40; 125; 120; program: nothing to March (null).
        assertThat(one.getString("rataRata.kinerja")).isEqualTo("78.75");
        assertThat(one.getString("predikat.kinerja")).isEqualTo("Tinggi");
    }

    @Test
    void theSasaranOfAProgramComesFromItsIndicators() {
        String opd = Events.opd("ES");
        Events.indicator(opd, "2.08.02", 1, "Persentase ARG", "%", "positif", null, "65", "{\"bulan\":3,\"nilai\":20}",
                "\"agregasi\":\"akhir\",\"renstra\":{\"target\":80,\"realisasiSebelumnya\":50},"
                        + "\"sasaran\":\"Meningkatnya pengarusutamaan gender\"");
        Events.awaitForm(opd, 1, 1);
        JsonPath j = Events.form(opd, 1);
        assertThat(j.getString("rows[0].sasaran")).isEqualTo("Meningkatnya pengarusutamaan gender");
        assertThat(j.getString("rows[0].uraian")).isNull();
        assertThat(j.getString("rows[0].anggaran")).isNull();
        assertThat(j.getString("rataRata.anggaran")).isNull();
        assertThat(j.getString("predikat.anggaran")).isNull();
    }

    @Test
    void badQuartersAre400AndAnUnknownOpdIs404() {
        given().accept("application/json").get("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja", example)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("triwulan"));
        for (String bad : List.of("0", "5", "II", "")) {
            given().accept("application/json").queryParam("triwulan", bad)
                    .get("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja", example)
                    .then().statusCode(400).body("errors[0].field", equalTo("triwulan"));
        }
        given().accept("application/json").queryParam("triwulan", 1)
                .get("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja", "NOPE" + example)
                .then().statusCode(404).body("type", equalTo("/problems/tidak-ditemukan"));
        given().queryParam("triwulan", 1).queryParam("format", "csv")
                .get("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja", example)
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
    }
}
