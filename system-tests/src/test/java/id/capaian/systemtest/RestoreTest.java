package id.capaian.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.capaian.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database restored to an earlier dump mid-stream, as an operator restores a backup (deploy/k8s/README.md,
 * Backup and restore): pg_dump while writes go on, more writes, then the service stopped, the dump put back with
 * pg_restore, the service started, and its pemda-year re-published by the owners. First an owner (budget-service:
 * the report holds versions the owner no longer has, and the owner's next changes reuse those versions: only the
 * new epoch makes the report take them), then the report itself (its consumer position has passed the events it
 * lost). Each ends converged: the report equals the owners, its aggregates equal their recomputation, and the
 * owner comparison (GET read-model/check/{pemda}/{tahun}) is consistent, after it first named the disagreement.
 */
@ExtendWith(Suite.class)
class RestoreTest {

    @Test
    void anOwnerRestoredToAnEarlierDumpIsRepublishedAndItsNextChangesApply() throws Exception {
        Suite s = Suite.get();
        Workload w = new Workload("RSTO").imported();
        Path dump = Files.createTempFile("capaian-budget-", ".dump");
        w.stream(40, 40, i -> { });
        pgDump("budget", dump);
        w.stream(40, 40, i -> { }); // the report applies these; the restored owner will not have them
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(w::reportHoldsOwnersVersions);

        s.budget.stop();
        pgRestore("budget", dump);
        s.budget.start().awaitReady(Duration.ofSeconds(180));
        // what the owner has now is the truth: the writes after the dump are gone with the restore
        for (String k : w.dpa.subKegiatan) {
            w.lastJumlah.put(k, w.http.get(w.budgetBase() + "/nodes/" + k).json().get("realisasi").decimalValue().longValueExact());
        }
        JsonNode before = ownerCheck(w, s);
        assertThat(before.get("consistent").asBoolean()).as("the check sees the restored owner: %s", before).isFalse();
        assertThat(before.toString()).contains(w.opd).contains("versi read model");

        republish(w, s.budget.url() + "/api/v1/dpa/");
        w.stream(40, 40, i -> { }); // changes after the restore: lower versions than the report held, a newer epoch
        w.assertConverged(s.report, Duration.ofSeconds(120));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertConsistent(ownerCheck(w, s)));
        Files.deleteIfExists(dump);
    }

    @Test
    void theReportRestoredToAnEarlierDumpCatchesUpAgain() throws Exception {
        Suite s = Suite.get();
        Workload w = new Workload("RSTR").imported();
        Path dump = Files.createTempFile("capaian-report-", ".dump");
        w.stream(40, 40, i -> { });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(w::reportHoldsOwnersVersions);
        pgDump("report", dump);
        w.stream(60, 40, i -> { }); // applied, then lost with the restore; the consumer position is past them
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(w::reportHoldsOwnersVersions);

        s.report.stop();
        pgRestore("report", dump);
        s.report.start().awaitReady(Duration.ofSeconds(180));
        republish(w, s.budget.url() + "/api/v1/dpa/");
        republish(w, s.indicator.url() + "/api/v1/indikator/");
        w.stream(40, 40, i -> { });
        w.assertConverged(s.report, Duration.ofSeconds(120));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertConsistent(ownerCheck(w, s)));
        Files.deleteIfExists(dump);
    }

    /** A read model made to disagree on purpose (a version and an indicator's data changed in its database) is named. */
    @Test
    void theOwnerCheckNamesADeliberateDisagreementAndReRepublishingHealsIt() throws Exception {
        Suite s = Suite.get();
        Workload w = new Workload("RSTC").imported();
        w.stream(20, 40, i -> { });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(w::reportHoldsOwnersVersions);
        JsonNode first = ownerCheck(w, s);
        assertThat(first.get("consistent").asBoolean()).as("before the change: %s", first).isTrue();

        String leaf = w.prefix() + w.dpa.subKegiatan.get(0);
        String indicator = w.prefix() + w.dpa.subKegiatan.get(1) + "/1";
        try (Connection c = w.db("report")) {
            update(c, "UPDATE entity_state SET version = version + 5 WHERE subject = ?", leaf);
            update(c, "UPDATE entity_state SET data = jsonb_set(data, '{nama}', '\"Indikator palsu\"') WHERE subject = ?", indicator);
        }
        JsonNode check = ownerCheck(w, s);
        assertThat(check.get("consistent").asBoolean()).isFalse();
        List<String> named = new ArrayList<>();
        check.get("differences").forEach(d -> named.add(d.get("subject").asText() + ": " + d.get("reason").asText()));
        assertThat(named).anyMatch(d -> d.startsWith(leaf + ": versi read model"))
                .anyMatch(d -> d.startsWith(indicator + ": data berbeda") && d.contains("Indikator palsu"))
                .hasSize(2);

        republish(w, s.budget.url() + "/api/v1/dpa/");
        republish(w, s.indicator.url() + "/api/v1/indikator/");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertConsistent(ownerCheck(w, s)));
        w.assertConverged(s.report, Duration.ofSeconds(60));
    }

    /** As an admin of the suite's pemda: the report passes the token on to the owners, which read it for that pemda. */
    static JsonNode ownerCheck(Workload w, Suite s) {
        Http.Response r = Http.withToken(TestTokens.admin(Suite.PEMDA)).get(s.report.url() + "/api/v1/read-model/check/" + Suite.PEMDA + "/" + Suite.TAHUN);
        assertThat(r.status()).as("owner check: %s", r.body()).isEqualTo(200);
        return r.json();
    }

    static void assertConsistent(JsonNode check) {
        assertThat(check.get("consistent").asBoolean()).as("the owner check: %s", check).isTrue();
    }

    static void republish(Workload w, String base) {
        Http.Response r = w.http.post(base + Suite.PEMDA + "/" + Suite.TAHUN + "/republikasi", "application/json", new byte[0]);
        assertThat(r.status()).as("republikasi: %s", r.body()).isEqualTo(200);
        assertThat(r.json().get("events").asInt()).isPositive();
    }

    static void update(Connection c, String sql, String subject) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, subject);
            assertThat(ps.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    static void pgDump(String db, Path file) throws IOException, InterruptedException {
        run(List.of(pgBin("pg_dump"), "-h", "127.0.0.1", "-p", String.valueOf(Suite.get().pgPort), "-U", db,
                "-Fc", "-f", file.toString(), db));
    }

    /** Puts the dump back over the database: every object of the service dropped and recreated as it was. */
    static void pgRestore(String db, Path file) throws IOException, InterruptedException {
        run(List.of(pgBin("pg_restore"), "-h", "127.0.0.1", "-p", String.valueOf(Suite.get().pgPort), "-U", db,
                "--clean", "--if-exists", "--no-owner", "--exit-on-error", "--single-transaction", "-d", db, file.toString()));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Path log = Suite.log("pg-tools");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("PGPASSWORD", command.get(command.indexOf("-U") + 1));
        int rc = pb.start().waitFor();
        assertThat(rc).as("%s exited with %s; see %s", command, rc, log).isZero();
    }

    /** The PostgreSQL client tools of the server deploy/local/postgres.sh runs (version 15 first, as it does). */
    static String pgBin(String tool) throws IOException {
        Path preferred = Path.of("/usr/lib/postgresql/15/bin", tool);
        if (Files.isExecutable(preferred)) {
            return preferred.toString();
        }
        try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            return dirs.map(d -> d.resolve("bin").resolve(tool)).filter(Files::isExecutable)
                    .max(java.util.Comparator.comparing(Path::toString)).map(Path::toString).orElse(tool);
        }
    }
}
