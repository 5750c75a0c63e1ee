package id.capaian.report.evaluasi;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import id.capaian.testing.TopicProbe;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Crafted realization-updated CloudEvents (data v2, or v1 without the v2 fields) published to the real topic. */
final class Events {

    static final String TOPIC = "realization-updated";
    static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private Events() {
    }

    static String opd(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static void send(String subject, String type, String source, long version, String data, String dataschema) {
        String envelope = """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","time":"%s","subject":"%s",
                 "datacontenttype":"application/json",%s"version":%d,"data":%s}"""
                .formatted(UUID.randomUUID(), source, type, Instant.now(), subject,
                        dataschema == null ? "" : "\"dataschema\":\"" + dataschema + "\",", version, data);
        TopicProbe.send(TOPIC, subject, envelope);
    }

    /** A sub kegiatan's budget event; {@code v2} null for v1 data, else the v2 fields as JSON members (without braces). */
    static void budget(String opd, String kode, String uraian, String pagu, String bulanan, String v2) {
        String kegiatan = kode.substring(0, kode.lastIndexOf('.'));
        String program = kegiatan.substring(0, kegiatan.lastIndexOf('.', kegiatan.lastIndexOf('.') - 1));
        String data = """
                {"pemda":"63.10","tahun":2024,"opd":"%s","kode":"%s","uraian":"%s",
                 "kegiatan":{"kode":"%s","uraian":"Kegiatan %s"%s},"program":{"kode":"%s","uraian":"Program %s"%s},
                 "pagu":%s,"realisasi":0,"bulan":null,"bulanan":[%s],"removed":false%s}"""
                .formatted(opd, kode, uraian, kegiatan, kegiatan, v2 == null ? "" : renstraOf(v2, "kegiatan"), program, program,
                        v2 == null ? "" : renstraOf(v2, "program"), pagu, bulanan, v2 == null ? "" : "," + strip(v2));
        send("63.10/2024/" + opd + "/" + kode, "budget.realization-updated", "budget-service", 1, data,
                v2 == null ? null : "https://capaian.id/schemas/budget.realization-updated.v2.schema.json");
    }

    /** v2 members may carry "@kegiatan:{...}" and "@program:{...}" markers for the parents' renstra (moved into them). */
    private static String renstraOf(String v2, String parent) {
        int i = v2.indexOf("@" + parent + ":");
        if (i < 0) {
            return "";
        }
        int start = i + parent.length() + 2;
        int end = v2.indexOf('}', start) + 1;
        return ",\"renstra\":" + v2.substring(start, end);
    }

    private static String strip(String v2) {
        return v2.replaceAll(",?\\s*@(kegiatan|program):\\{[^}]*\\}", "").replaceAll("^\\s*,", "");
    }

    /** An indicator event; {@code v2} null for v1 data, else the v2 members (agregasi, renstra, sasaran). */
    static void indicator(String opd, String kode, int nomor, String nama, String satuan, String polaritas, String rumus,
            String target, String bulanan, String v2) {
        String data = """
                {"pemda":"63.10","tahun":2024,"opd":"%s","kode":"%s","nomor":%d,"nama":"%s","satuan":"%s",
                 "polaritas":"%s","rumus":%s,"target":%s,"realisasi":null,"bulan":null,"bulanan":[%s],"capaian":null,
                 "removed":false%s}"""
                .formatted(opd, kode, nomor, nama, satuan, polaritas, rumus == null ? "null" : "\"" + rumus + "\"", target,
                        bulanan, v2 == null ? "" : "," + v2);
        send("63.10/2024/" + opd + "/" + kode + "/" + nomor, "indicator.realization-updated", "indicator-service", 1, data,
                v2 == null ? null : "https://capaian.id/schemas/indicator.realization-updated.v2.schema.json");
    }

    static JsonPath form(String opd, int triwulan) {
        return given().accept("application/json").queryParam("triwulan", triwulan)
                .get("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja", opd).then().statusCode(200).extract().jsonPath(EXACT);
    }

    /** Waits until the form of the OPD shows {@code rows} rows and {@code indicators} indicators in all. */
    static void awaitForm(String opd, int rows, int indicators) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var r = given().accept("application/json").queryParam("triwulan", 4)
                    .get("/api/v1/reports/63.10/2024/{opd}/evaluasi-renja", opd);
            if (r.statusCode() != 200) {
                return false;
            }
            JsonPath j = r.jsonPath();
            int n = 0;
            for (int i = 0; i < j.getList("rows").size(); i++) {
                n += j.getList("rows[" + i + "].indikator").size();
            }
            return j.getList("rows").size() == rows && n == indicators;
        });
    }

    /** The worked example of EVALUASI-RENJA.md: one sub kegiatan, its two indicators, its anggaran; its parents' Renstra. */
    static String workedExample() {
        String opd = opd("EV");
        budget(opd, "2.08.02.2.01.0001", "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG", "200000000.00",
                "{\"bulan\":3,\"jumlah\":30000000.00},{\"bulan\":6,\"jumlah\":90000000.00}",
                "\"paguMurni\":200000000.00,\"rak\":null,\"renstra\":{\"pagu\":1000000000.00,\"realisasiSebelumnya\":600000000.00},"
                        + "@kegiatan:{\"pagu\":1500000000.00,\"realisasiSebelumnya\":900000000.00},"
                        + "@program:{\"pagu\":4000000000.00,\"realisasiSebelumnya\":2000000000.00}");
        indicator(opd, "2.08.02.2.01.0001", 1, "Jumlah dokumen", "dokumen", "positif", null, "12",
                "{\"bulan\":3,\"nilai\":2},{\"bulan\":5,\"nilai\":5},{\"bulan\":6,\"nilai\":7}",
                "\"agregasi\":\"jumlah\",\"renstra\":{\"target\":60,\"realisasiSebelumnya\":40},\"sasaran\":null");
        indicator(opd, "2.08.02.2.01.0001", 2, "Persentase perangkat daerah yang responsif gender", "%", "positif", null, "80",
                "{\"bulan\":2,\"nilai\":40},{\"bulan\":6,\"nilai\":55}",
                "\"agregasi\":\"akhir\",\"renstra\":{\"target\":90,\"realisasiSebelumnya\":70},\"sasaran\":null");
        awaitForm(opd, 3, 2);
        return opd;
    }
}
