package id.capaian.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.testing.DevTokens;
import id.capaian.testing.DevTokens.Claims;
import id.capaian.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of malformed requests across every public endpoint of the three services: fuzzed and truncated
 * bodies, wrong types, huge numbers, broken encodings, oversized payloads, path traversal and injection
 * strings in codes. None may answer 5xx, every answer must be a 4xx problem+json, and nothing may be
 * written anywhere (owners' and report's state compared before and after). Every request carries a valid
 * admin token of the pemda in its path (even a malformed one: {@link Http}), so that it is the input that
 * is refused, not the caller; {@link #requestsWithoutAValidTokenAreRefusedAndWriteNothing()} tests the callers.
 */
@ExtendWith(Suite.class)
class BadInputTest {

    record Call(String method, String url, String contentType, byte[] body) {
    }

    static final String[] BAD_SEGMENTS = {
        "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "'%20OR%20'1'%3D'1", "1%3B%20DROP%20TABLE%20outbox%3B--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%00", "%FF%FE", "%C3%28", "x".repeat(300), "-1", "9".repeat(40), "%E2%80%AE2.08", "2.08.02.2.01.0003%0A",
        "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", "2.08.02.2.01.0003.0001",
    };

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static final byte[][] BAD_JSON = {
        b(""), b("{"), b("["), b("null"), b("\"text\""), b("{\"jumlah\": \"abc\"}"), b("{\"jumlah\": 1e400}"), b("{\"jumlah\": -5}"),
        b("{\"jumlah\": 123456789012345678901234567890.123}"), b("{\"jumlah\": true}"), b("{\"jumlah\": [1]}"),
        b("{\"jumlah\": 1, \"extra\": 2}"), new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'}, b("{\"nilai\": NaN}"), b("{\"nilai\": \"27,54,1\"}"),
        b("[{\"kode\": 1}]"), b("[{\"kode\": \"../../x\", \"uraian\": \"x\", \"pagu\": 1}]"), b("[{\"kode\": \"2.08\", \"uraian\": null}]"),
        b("[" .repeat(5000)), b("{\"jumlah\": 0.001}"), b("{\"jumlah\": 99999999999999999999.99}"),
    };

    static final byte[][] BAD_TABLES = {
        b(""), b("kode\turaian\n"), b("kode\turaian\tindikator\tsatuan\tpolaritas\ttarget_fisik\ttarget_anggaran\trealisasi_fisik\trealisasi_anggaran\n"
                + "2.08.02\tX\tI\t%\tnaik\tabc\t1.53.000\t\t-1\n"),
        b("kode\turaian\tindikator\tsatuan\tpolaritas\ttarget_fisik\ttarget_anggaran\trealisasi_fisik\trealisasi_anggaran\n"
                + "'; DROP TABLE anggaran;--\tX\tI\t%\tpositif\t1\t1\t1\t1\n"),
        b("kode\turaian\tindikator\tsatuan\tpolaritas\ttarget_fisik\ttarget_anggaran\trealisasi_fisik\trealisasi_anggaran\n"
                + "2.08.02.2.01.0001\tX\tI\t%\tpositif\t1\t1\t1\t99999999999999999999999999\n"),
        new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'k', 0, 'o', (byte) 0x80, (byte) 0x81},
        b("\"unterminated\tquote\n"),
        b("PK\u0003\u0004 not really a workbook"),
    };

    @Test
    void malformedRequestsAreRefusedWithProblemsAndWriteNothing() throws Exception {
        Suite s = Suite.get();
        Workload w = new Workload("BAD").imported();
        String opdPath = "/" + Suite.PEMDA + "/" + Suite.TAHUN + "/" + w.opd;
        String kode = w.dpa.subKegiatan.get(0);
        String budget = s.budget.url() + "/api/v1/dpa";
        String indicator = s.indicator.url() + "/api/v1/indikator";
        String report = s.report.url() + "/api/v1";

        List<Call> calls = new ArrayList<>();
        // Bad codes in every path position of every endpoint.
        for (String bad : BAD_SEGMENTS) {
            for (String tenant : List.of("/" + bad + "/" + Suite.TAHUN + "/" + w.opd, "/" + Suite.PEMDA + "/" + bad + "/" + w.opd,
                    "/" + Suite.PEMDA + "/" + Suite.TAHUN + "/" + bad)) {
                calls.add(new Call("GET", budget + tenant, null, null));
                calls.add(new Call("PUT", budget + tenant + "/realisasi/12", "application/json", b("[{\"kode\": \"" + kode + "\", \"jumlah\": 1}]")));
                calls.add(new Call("GET", indicator + tenant, null, null));
                calls.add(new Call("GET", report + "/reports" + tenant + "/capaian?urusan=2.16", null, null));
                calls.add(new Call("POST", report + "/imports" + tenant + "/capaian", "text/tab-separated-values", b(w.dpa.tsv())));
            }
            for (String year : List.of("/" + bad + "/" + Suite.TAHUN, "/" + Suite.PEMDA + "/" + bad)) {
                for (String owner : List.of(budget, indicator, report + "/reports")) {
                    calls.add(new Call("GET", owner + year + "/kunci", null, null));
                    calls.add(new Call("PUT", owner + year + "/kunci", "application/json", b("{\"terkunci\": false, \"alasan\": \"uji\"}")));
                    calls.add(new Call("GET", owner + year + "/riwayat", null, null));
                }
            }
            for (String owner : List.of(budget, indicator, report + "/reports")) {
                String riwayat = owner + "/" + Suite.PEMDA + "/" + Suite.TAHUN + "/riwayat";
                calls.add(new Call("GET", riwayat + "?kode=" + bad, null, null));
                calls.add(new Call("GET", riwayat + "?opd=" + bad, null, null));
                calls.add(new Call("GET", riwayat + "?page=" + bad, null, null));
                calls.add(new Call("GET", riwayat + "?size=" + bad, null, null));
            }
            calls.add(new Call("GET", budget + opdPath + "/nodes/" + bad, null, null));
            calls.add(new Call("PUT", budget + opdPath + "/nodes/" + bad + "/realisasi/12", "application/json", b("{\"jumlah\": 1.00}")));
            calls.add(new Call("PUT", budget + opdPath + "/nodes/" + kode + "/realisasi/" + bad, "application/json", b("{\"jumlah\": 1.00}")));
            calls.add(new Call("DELETE", budget + opdPath + "/nodes/" + bad, null, null));
            calls.add(new Call("PUT", indicator + opdPath + "/nodes/" + bad + "/indikator/1/realisasi/12", "application/json", b("{\"nilai\": 1}")));
            calls.add(new Call("PUT", indicator + opdPath + "/nodes/" + kode + "/indikator/" + bad + "/realisasi/12", "application/json", b("{\"nilai\": 1}")));
            calls.add(new Call("DELETE", indicator + opdPath + "/nodes/" + kode + "/indikator/" + bad, null, null));
            calls.add(new Call("PUT", report + "/reports" + opdPath + "/anotasi/" + bad, "application/json", b("{\"kebijakan\": \"x\"}")));
            calls.add(new Call("GET", report + "/reports" + opdPath + "/capaian?urusan=" + bad, null, null));
            calls.add(new Call("GET", report + "/reports" + opdPath + "/analisis?urusan=2.16&bulan=" + bad, null, null));
            calls.add(new Call("POST", report + "/imports" + opdPath + "/capaian?bulan=" + bad, "text/tab-separated-values", b(w.dpa.tsv())));
        }
        // Malformed bodies on every write.
        for (byte[] body : BAD_JSON) {
            calls.add(new Call("PUT", budget + opdPath + "/nodes/" + kode + "/realisasi/12", "application/json", body));
            calls.add(new Call("PUT", budget + opdPath + "/nodes", "application/json", body));
            calls.add(new Call("PUT", budget + opdPath + "/realisasi/12", "application/json", body));
            calls.add(new Call("PUT", indicator + opdPath + "/nodes/" + kode + "/indikator/1/realisasi/12", "application/json", body));
            calls.add(new Call("PUT", indicator + opdPath + "/nodes", "application/json", body));
            calls.add(new Call("PUT", indicator + opdPath + "/realisasi/12", "application/json", body));
            calls.add(new Call("PUT", report + "/reports" + opdPath + "/anotasi/" + w.dpa.program, "application/json", body));
            // None of these bodies says "terkunci": the year stays open (and a refusal writes no audit entry).
            for (String owner : List.of(budget, indicator, report + "/reports")) {
                calls.add(new Call("PUT", owner + "/" + Suite.PEMDA + "/" + Suite.TAHUN + "/kunci", "application/json", body));
            }
        }
        for (String lock : List.of("{\"terkunci\": \"ya\"}", "{\"terkunci\": false}", "{\"terkunci\": false, \"alasan\": \"\"}",
                "{\"terkunci\": true, \"opd\": \"../x\"}", "{\"terkunci\": true, \"alasan\": \"" + "x".repeat(5000) + "\"}")) {
            for (String owner : List.of(budget, indicator, report + "/reports")) {
                calls.add(new Call("PUT", owner + "/" + Suite.PEMDA + "/" + Suite.TAHUN + "/kunci", "application/json", b(lock)));
            }
        }
        for (String text : List.of("abc", "27,54,1", "1e999", "", "１２", "-0,5")) {
            calls.add(new Call("PUT", indicator + opdPath + "/nodes/" + kode + "/indikator/1/realisasi/12", "text/plain", b(text)));
        }
        for (byte[] table : BAD_TABLES) {
            calls.add(new Call("POST", report + "/imports" + opdPath + "/capaian", "text/tab-separated-values", table));
            calls.add(new Call("POST", report + "/imports" + opdPath + "/capaian", "text/csv", table));
            calls.add(new Call("POST", report + "/imports" + opdPath + "/capaian", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", table));
        }
        calls.add(new Call("POST", report + "/imports" + opdPath + "/capaian", "text/csv; charset=klingon", b(w.dpa.tsv())));
        calls.add(new Call("POST", report + "/imports" + opdPath + "/capaian", "application/pdf", b(w.dpa.tsv())));
        calls.add(new Call("PUT", budget + opdPath + "/nodes/" + kode + "/realisasi/12", "application/xml", b("<jumlah>1</jumlah>")));
        // Oversized payloads (above capaian.http.max-body-size, 4 MiB).
        byte[] big = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) '1');
        calls.add(new Call("PUT", budget + opdPath + "/nodes", "application/json", big));
        calls.add(new Call("PUT", indicator + opdPath + "/nodes", "application/json", big));
        calls.add(new Call("POST", report + "/imports" + opdPath + "/capaian", "text/tab-separated-values", big));

        Map<String, Long> before = state(s, w);
        List<String> faults = new ArrayList<>();
        for (Call c : calls) {
            Http.Response r;
            try {
                r = s.http.send(c.method(), c.url(), c.contentType(), c.body());
            } catch (RuntimeException e) {
                faults.add(c.method() + " " + abbreviate(c.url()) + " -> " + e);
                continue;
            }
            boolean problem = r.contentType().startsWith("application/problem+json");
            // A read may succeed where a dot segment resolves to another resource (nodes/%2e%2e is the DPA itself).
            boolean harmlessRead = c.method().equals("GET") && r.status() == 200;
            if (!harmlessRead && (r.status() < 400 || r.status() >= 500 || !problem)) {
                faults.add(c.method() + " " + abbreviate(c.url()) + " [" + c.contentType() + ", " + (c.body() == null ? 0 : c.body().length)
                        + " bytes] -> " + r.status() + " " + r.contentType() + " " + abbreviate(r.body()));
            }
        }
        Map<String, Long> after = state(s, w);

        assertThat(calls).hasSizeGreaterThanOrEqualTo(200);
        assertThat(faults).as("answers that are not a 4xx problem+json (of %d requests)", calls.size()).isEmpty();
        assertThat(after).as("nothing written").isEqualTo(before);
        w.assertConverged(s.report, java.time.Duration.ofSeconds(30));
    }

    /**
     * Duplicate keys in a JSON body are refused as a 400 problem (capaian-core's strict duplicate
     * detection); before that fix both owners answered a bare 500.
     */
    @Test
    void duplicateJsonKeysAreA400Problem() throws Exception {
        Suite s = Suite.get();
        Workload w = new Workload("DUP").imported();
        String kode = w.dpa.subKegiatan.get(0);
        Http.Response b = s.http.putJson(w.budgetBase() + "/nodes/" + kode + "/realisasi/12", "{\"jumlah\": 1, \"jumlah\": 2}");
        Http.Response i = s.http.putJson(w.indicatorBase() + "/nodes/" + kode + "/indikator/1/realisasi/12", "{\"nilai\": 1, \"nilai\": 2}");
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.contentType()).startsWith("application/problem+json");
        assertThat(i.status()).isEqualTo(400);
        assertThat(i.contentType()).startsWith("application/problem+json");
    }

    /**
     * Every kind of endpoint (read, item write, bulk write, import, annotation, lock, audit trail) of the three
     * services without a token, with a malformed, expired, badly signed, unsigned or foreign-issuer one: 401;
     * with a valid token whose pemda, opd or role does not cover the request: 403. Always a problem+json, and
     * nothing written. (The authorization matrix of each service tests every operation × role; this is the
     * same from outside, against the packaged services as they are configured for production but the key.)
     */
    @Test
    void requestsWithoutAValidTokenAreRefusedAndWriteNothing() throws Exception {
        Suite s = Suite.get();
        Workload w = new Workload("AUTH").imported();
        String opdPath = "/" + Suite.PEMDA + "/" + Suite.TAHUN + "/" + w.opd;
        String yearPath = "/" + Suite.PEMDA + "/" + Suite.TAHUN;
        String kode = w.dpa.subKegiatan.get(0);
        String budget = s.budget.url() + "/api/v1/dpa";
        String indicator = s.indicator.url() + "/api/v1/indikator";
        String report = s.report.url() + "/api/v1";
        byte[] lock = b("{\"terkunci\": true, \"alasan\": \"uji akses\"}");

        List<Call> reads = List.of(
                new Call("GET", budget + opdPath, null, null),
                new Call("GET", budget + yearPath + "/riwayat", null, null),
                new Call("GET", budget + yearPath + "/kunci", null, null),
                new Call("GET", indicator + opdPath, null, null),
                new Call("GET", indicator + yearPath + "/riwayat", null, null),
                new Call("GET", report + "/reports" + opdPath + "/capaian?urusan=" + w.dpa.urusan, null, null),
                new Call("GET", report + "/reports" + yearPath + "/riwayat", null, null));
        List<Call> writes = List.of(
                new Call("PUT", budget + opdPath + "/nodes/" + kode + "/realisasi/12", "application/json", b("{\"jumlah\": 7.00}")),
                new Call("PUT", budget + opdPath + "/realisasi/12", "application/json", b("[{\"kode\": \"" + kode + "\", \"jumlah\": 7}]")),
                new Call("DELETE", budget + opdPath + "/nodes/" + kode, null, null),
                new Call("PUT", indicator + opdPath + "/nodes/" + kode + "/indikator/1/realisasi/12", "application/json", b("{\"nilai\": 7}")),
                new Call("PUT", report + "/reports" + opdPath + "/anotasi/" + w.dpa.program, "application/json", b("{\"kebijakan\": \"uji\"}")),
                new Call("POST", report + "/imports" + opdPath + "/capaian", "text/tab-separated-values", b(w.dpa.tsv())),
                new Call("PUT", budget + yearPath + "/kunci", "application/json", lock),
                new Call("PUT", indicator + yearPath + "/kunci", "application/json", lock),
                new Call("PUT", report + "/reports" + yearPath + "/kunci", "application/json", lock));

        DevTokens dev = TestTokens.tokens();
        Claims admin = Claims.of("admin", Suite.PEMDA, null);
        String valid = dev.mint(admin);
        String[] parts = valid.split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Map<String, Http> unauthenticated = new LinkedHashMap<>();
        unauthenticated.put("no token", Http.anonymous());
        unauthenticated.put("not a JWT", Http.withToken("bukan-token"));
        unauthenticated.put("expired", Http.withToken(dev.mint(admin.expired())));
        unauthenticated.put("bad signature", Http.withToken(parts[0] + "." + parts[1] + "." + new String(signature)));
        unauthenticated.put("unsigned (alg none)", Http.withToken(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(b("{\"alg\":\"none\",\"typ\":\"JWT\"}")) + "." + parts[1] + "."));
        unauthenticated.put("another issuer", Http.withToken(dev.mint(admin, "https://sso.example.go.id/realms/lain")));
        unauthenticated.put("another key", Http.withToken(DevTokens.of(generator.generateKeyPair().getPrivate()).mint(admin)));
        Map<String, Http> forbidden = new LinkedHashMap<>();
        forbidden.put("admin of another pemda", Http.withToken(TestTokens.admin("63.10")));
        forbidden.put("operator of another OPD", Http.withToken(TestTokens.token("operator", Suite.PEMDA, "LAIN")));
        forbidden.put("pembaca", Http.withToken(TestTokens.token("pembaca", Suite.PEMDA, null)));

        Map<String, Long> before = state(s, w);
        List<String> faults = new ArrayList<>();
        int requests = 0;
        for (var e : unauthenticated.entrySet()) {
            for (Call c : concat(reads, writes)) {
                requests++;
                expect(faults, e.getKey(), e.getValue(), c, 401);
            }
        }
        for (var e : forbidden.entrySet()) {
            for (Call c : e.getKey().equals("admin of another pemda") ? concat(reads, writes) : writes) {
                requests++;
                expect(faults, e.getKey(), e.getValue(), c, 403);
            }
        }
        Map<String, Long> after = state(s, w);

        assertThat(faults).as("answers other than the expected 401/403 problem+json (of %d requests)", requests).isEmpty();
        assertThat(after).as("nothing written").isEqualTo(before);
    }

    static List<Call> concat(List<Call> a, List<Call> b) {
        List<Call> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static void expect(List<String> faults, String who, Http http, Call c, int status) {
        Http.Response r;
        try {
            r = http.send(c.method(), c.url(), c.contentType(), c.body());
        } catch (RuntimeException e) {
            faults.add(who + ": " + c.method() + " " + abbreviate(c.url()) + " -> " + e);
            return;
        }
        if (r.status() != status || !r.contentType().startsWith("application/problem+json")) {
            faults.add(who + ": " + c.method() + " " + abbreviate(c.url()) + " -> " + r.status() + " " + r.contentType() + " "
                    + abbreviate(r.body()));
        }
    }

    static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    /** Row counts and sums that any write would change, in the three databases. */
    static Map<String, Long> state(Suite s, Workload w) throws Exception {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("budget.outbox", scalar(s, "budget", "SELECT count(*) FROM outbox"));
        m.put("indicator.outbox", scalar(s, "indicator", "SELECT count(*) FROM outbox"));
        m.put("report.entity_state", scalar(s, "report", "SELECT count(*) FROM entity_state"));
        m.put("report.anotasi", scalar(s, "report", "SELECT count(*) FROM anotasi"));
        m.put("report.import_stated", scalar(s, "report", "SELECT count(*) FROM import_stated"));
        m.put("report.import_stated.at", scalar(s, "report", "SELECT coalesce(extract(epoch FROM max(imported_at)) * 1000, 0)::bigint FROM import_stated"));
        for (String db : List.of("budget", "indicator", "report")) {
            m.put(db + ".audit_trail", scalarIfTable(s, db, "audit_trail", "SELECT count(*) FROM audit_trail"));
            m.put(db + ".year_lock", scalarIfTable(s, db, "year_lock", "SELECT count(*) FROM year_lock"));
        }
        m.put("budget.tree", (long) s.http.get(w.budgetBase()).body().hashCode());
        m.put("indicator.tree", (long) s.http.get(w.indicatorBase()).body().hashCode());
        return m;
    }

    /** As {@link #scalar}, or -1 while the service has not created that table (a service without it yet). */
    static long scalarIfTable(Suite s, String db, String table, String sql) throws Exception {
        try {
            return scalar(s, db, sql);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return -1;
            }
            throw e;
        }
    }

    static long scalar(Suite s, String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + s.pgPort + "/" + db, db, "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
