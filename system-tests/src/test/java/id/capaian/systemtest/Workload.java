package id.capaian.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * One fault test's data: a DPA of its own (unique OPD code, so leftovers of earlier runs never matter),
 * a stream of realization writes to both owners, and the final reckoning: the report equals the owners,
 * the read model equals its recomputation, and every committed change is reflected exactly once.
 */
public final class Workload {

    final Suite suite = Suite.get();
    final Http http = suite.http;
    public final String opd;
    public final SmallDpa dpa = new SmallDpa("2.16", 2, 5, 5_000_000_000L);
    /** The last acknowledged write of each entity: budget kode -> jumlah, indicator kode -> nilai. */
    public final Map<String, Long> lastJumlah = new ConcurrentHashMap<>();
    public final Map<String, BigDecimal> lastNilai = new ConcurrentHashMap<>();
    public final AtomicInteger acknowledged = new AtomicInteger();
    public final AtomicInteger refused = new AtomicInteger();
    private long next = 1_000;

    public Workload(String prefix) {
        suite.ensureReady();
        opd = prefix + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase(Locale.ROOT);
    }

    public String budgetBase() {
        return suite.budget.url() + "/api/v1/dpa/" + Suite.PEMDA + "/" + Suite.TAHUN + "/" + opd;
    }

    public String indicatorBase() {
        return suite.indicator.url() + "/api/v1/indikator/" + Suite.PEMDA + "/" + Suite.TAHUN + "/" + opd;
    }

    public String tableUrl(ServiceProcess report) {
        return report.url() + "/api/v1/reports/" + Suite.PEMDA + "/" + Suite.TAHUN + "/" + opd + "/capaian?urusan=" + dpa.urusan;
    }

    /** Imports the DPA through report-service into both owners and waits until the report shows it. */
    public Workload imported() {
        Http.Response r = http.post(suite.report.url() + "/api/v1/imports/" + Suite.PEMDA + "/" + Suite.TAHUN + "/" + opd + "/capaian",
                "text/tab-separated-values; charset=UTF-8", dpa.tsv().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as("import: %s", r.body()).isEqualTo(200);
        for (String k : dpa.subKegiatan) {
            lastJumlah.put(k, 0L);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Http.Response t = http.get(tableUrl(suite.report));
            return t.status() == 200 && t.json().get("total").get("anggaran").get("pagu").decimalValue()
                    .compareTo(BigDecimal.valueOf(dpa.totalPagu())) == 0;
        });
        // Indicator events travel on other partitions: wait until the report holds every subject's latest version.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(this::reportHoldsOwnersVersions);
        return this;
    }

    String prefix() {
        return Suite.PEMDA + "/" + Suite.TAHUN + "/" + opd + "/";
    }

    Map<String, Long> ownerVersions() throws SQLException {
        Map<String, Long> owners = new HashMap<>(versions("budget",
                "SELECT subject, max(version) FROM outbox WHERE subject LIKE ? GROUP BY subject", prefix()));
        owners.putAll(versions("indicator", "SELECT subject, max(version) FROM outbox WHERE subject LIKE ? GROUP BY subject", prefix()));
        return owners;
    }

    Map<String, Long> reportVersions() throws SQLException {
        return versions("report", "SELECT subject, version FROM entity_state WHERE subject LIKE ?", prefix());
    }

    boolean reportHoldsOwnersVersions() throws SQLException {
        return reportVersions().equals(ownerVersions());
    }

    /**
     * Writes {@code count} realizations, alternating budget (jumlah of a sub kegiatan) and indicator (nilai of
     * its indicator), paced at about {@code perSecond}; {@code atWrite} runs before write i (faults go there).
     * A write the owner refuses (it may, while its database is down) is counted, not remembered.
     */
    public void stream(int count, int perSecond, IntConsumer atWrite) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            atWrite.accept(i);
            long due = start + i * 1_000_000_000L / perSecond;
            long wait = (due - System.nanoTime()) / 1_000_000;
            if (wait > 0) {
                ServiceProcess.pause(wait); // pacing the load, not synchronizing
            }
            String kode = dpa.subKegiatan.get(i / 2 % dpa.subKegiatan.size());
            try {
                if (i % 2 == 0) {
                    long v = next += 1_000;
                    Http.Response r = http.putJson(budgetBase() + "/nodes/" + kode + "/realisasi/12", "{\"jumlah\": " + v + ".00}");
                    if (r.ok()) {
                        lastJumlah.put(kode, v);
                        acknowledged.incrementAndGet();
                    } else {
                        assertThat(r.status()).as("budget write %s: %s", i, r.body()).isGreaterThanOrEqualTo(500);
                        refused.incrementAndGet();
                    }
                } else {
                    BigDecimal v = BigDecimal.valueOf(i % 10_000, 2);
                    Http.Response r = http.putJson(indicatorBase() + "/nodes/" + kode + "/indikator/1/realisasi/12", "{\"nilai\": " + v + "}");
                    if (r.ok()) {
                        lastNilai.put(kode, v);
                        acknowledged.incrementAndGet();
                    } else {
                        assertThat(r.status()).as("indicator write %s: %s", i, r.body()).isGreaterThanOrEqualTo(500);
                        refused.incrementAndGet();
                    }
                }
            } catch (java.io.UncheckedIOException down) {
                refused.incrementAndGet();
            }
        }
    }

    /** The report (through {@code report}) shows exactly the last acknowledged write of every entity. */
    boolean showsLastWrites(ServiceProcess report) {
        Http.Response t;
        try {
            t = http.get(tableUrl(report));
        } catch (RuntimeException notUp) {
            return false;
        }
        if (t.status() != 200) {
            return false;
        }
        Map<String, JsonNode> rows = new HashMap<>();
        t.json().get("rows").forEach(r -> rows.put(r.get("kode").asText(), r));
        for (String k : dpa.subKegiatan) {
            JsonNode row = rows.get(k);
            if (row == null || row.get("anggaran").get("realisasi").decimalValue().compareTo(BigDecimal.valueOf(lastJumlah.get(k))) != 0) {
                return false;
            }
            BigDecimal nilai = lastNilai.get(k);
            JsonNode real = row.get("indikator").get(0).get("realisasi");
            if (nilai != null && (real == null || real.isNull() || real.decimalValue().compareTo(nilai) != 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The final reckoning, after the faults: (1) the report shows the last acknowledged write of every entity;
     * (2) the owners hold the same values; (3) the report's totals equal the owner's tree and the sum of the
     * last writes (a change applied twice or lost would show here); (4) for every subject, the version the
     * report holds is the owner's latest committed version (none lost, none pending); (5) the read model
     * equals its recomputation from scratch.
     */
    public void assertConverged(ServiceProcess report, Duration within) throws SQLException {
        await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> showsLastWrites(report));

        JsonNode tree = http.get(budgetBase()).json();
        long sum = lastJumlah.values().stream().mapToLong(Long::longValue).sum();
        JsonNode table = http.get(tableUrl(report)).json();
        assertThat(tree.get("total").get("realisasi").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(sum));
        assertThat(tree.get("total").get("pagu").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(dpa.totalPagu()));
        assertThat(table.get("total").get("anggaran").get("realisasi").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(sum));
        assertThat(table.get("total").get("anggaran").get("pagu").decimalValue()).isEqualByComparingTo(tree.get("total").get("pagu").decimalValue());
        for (String k : dpa.subKegiatan) {
            JsonNode node = http.get(budgetBase() + "/nodes/" + k).json();
            assertThat(node.get("realisasi").decimalValue()).as("owner's %s", k).isEqualByComparingTo(BigDecimal.valueOf(lastJumlah.get(k)));
        }

        String prefix = prefix();
        assertThat(reportVersions()).as("the report holds each subject at the owner's latest version").isEqualTo(ownerVersions());
        long unpublished = count("budget", "SELECT count(*) FROM outbox WHERE subject LIKE ? AND published_at IS NULL", prefix)
                + count("indicator", "SELECT count(*) FROM outbox WHERE subject LIKE ? AND published_at IS NULL", prefix);
        assertThat(unpublished).as("events still in the outboxes").isZero();

        JsonNode check = Http.withToken(id.capaian.testing.TestTokens.platform()) // operating the service: platform role
                .get(report.url() + "/api/v1/read-model/check").json();
        assertThat(check.get("consistent").asBoolean()).as("read-model check: %s", check).isTrue();
        assertThat(check.get("rowsChecked").asLong()).isPositive();
    }

    Connection db(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + suite.pgPort + "/" + name, name, "");
    }

    Map<String, Long> versions(String db, String sql, String prefix) throws SQLException {
        Map<String, Long> m = new HashMap<>();
        try (Connection c = db(db); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return m;
    }

    long count(String db, String sql, String prefix) throws SQLException {
        try (Connection c = db(db); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
