package id.capaian.systemtest;

import id.capaian.testing.LocalInfrastructure;
import id.capaian.testing.OpenApiResponses;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole suite for the fault tests, started once for the module: the test PostgreSQL and Kafka through
 * deploy/local/infra (CAPAIAN_ENV=test, as {@link LocalInfrastructure} does for the services' own tests),
 * and the three PACKAGED services (../<service>/target/quarkus-app/quarkus-run.jar) as processes on free
 * ports. Stopped after the last test; the infrastructure only if it was started here.
 */
public final class Suite implements BeforeAllCallback {

    public static final String PEMDA = "63.97";
    public static final String TAHUN = "2024";

    static Suite current;

    public final LocalInfrastructure infra = new LocalInfrastructure();
    public int pgPort;
    public String kafka;
    public ServiceProcess budget;
    public ServiceProcess indicator;
    public ServiceProcess report;
    public final Http http = new Http();

    public static Suite get() {
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Suite.class, k -> {
            Suite s = new Suite();
            s.start();
            current = s;
            return (ExtensionContext.Store.CloseableResource) s::stop;
        });
    }

    public static Path root() {
        return LocalInfrastructure.root();
    }

    static Path log(String name) {
        return Path.of("target", "suite", name + ".log").toAbsolutePath();
    }

    /**
     * Every response the tests receive from an /api operation must be one its service's committed OpenAPI
     * document allows (status, content type, and the schema of a JSON body); a violation fails the call.
     */
    static void checkResponsesAgainstTheContracts() {
        List<OpenApiResponses> documents = List.of("budget-service", "indicator-service", "report-service").stream()
                .map(s -> OpenApiResponses.of(root().resolve(s + "/openapi.yaml"))).toList();
        Http.checkEveryResponse((method, url, r) -> documents.stream().filter(d -> d.describes(method, url)).findFirst()
                .ifPresent(d -> {
                    List<String> wrong = d.violations(method, url, r.status(), r.contentType(), r.body());
                    if (!wrong.isEmpty()) {
                        throw new AssertionError("The response breaks the contract " + d.document() + ":\n  "
                                + String.join("\n  ", wrong) + "\nBody: "
                                + (r.body().length() > 2000 ? r.body().substring(0, 2000) + "…" : r.body()));
                    }
                }));
    }

    void start() {
        checkResponsesAgainstTheContracts();
        Map<String, String> config = infra.start();
        pgPort = Integer.parseInt(config.get("capaian.db.port"));
        kafka = config.get("kafka.bootstrap.servers");
        emptyTheDatabases();
        // Tests stop and restart the broker: the owners retry soon after it returns.
        List<String> owner = List.of("-Dcapaian.outbox.poll-interval=PT0.2S", "-Dcapaian.outbox.max-backoff=PT2S");
        budget = new ServiceProcess(root(), "budget", ServiceProcess.freePort(), pgPort, kafka, owner, log("budget")).start();
        indicator = new ServiceProcess(root(), "indicator", ServiceProcess.freePort(), pgPort, kafka, owner, log("indicator")).start();
        budget.awaitReady(Duration.ofSeconds(120));
        indicator.awaitReady(Duration.ofSeconds(120));
        report = newReport(ServiceProcess.freePort(), "report").start().awaitReady(Duration.ofSeconds(120));
    }

    /**
     * A fresh suite, as the broker's log is (LocalInfrastructure): the module tests before this one leave their rows
     * in the three databases, and the checks here compare a whole pemda-year of the owners with the read model.
     */
    void emptyTheDatabases() {
        for (String db : List.of("budget", "indicator", "report")) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/" + db, db, "");
                    Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            } catch (SQLException e) {
                throw new IllegalStateException("could not empty the database " + db, e);
            }
        }
    }

    /** A report-service process (not started) in the shared consumer group; a killed member is noticed in ~10 s. */
    public ServiceProcess newReport(int port, String logName) {
        return new ServiceProcess(root(), "report", port, pgPort, kafka, List.of(
                "-Dcapaian.services.budget=" + budget.url(), "-Dcapaian.services.indicator=" + indicator.url(),
                "-Dcapaian.consumer.kafka.session.timeout.ms=10000",
                "-Dcapaian.consumer.kafka.heartbeat.interval.ms=2000"), log(logName));
    }

    /**
     * Each test starts from a ready suite: a service left not ready by an earlier test's failure is restarted
     * (and said so), so that one failure does not cascade into the next tests.
     */
    public void ensureReady() {
        for (ServiceProcess p : new ServiceProcess[] {budget, indicator, report}) {
            if (!p.alive() || !ServiceProcess.ready(p.url())) {
                System.err.println("[suite] " + p.service + "-service is not ready at the start of a test: restarting it");
                p.stop();
                p.start().awaitReady(Duration.ofSeconds(120));
            }
        }
    }

    void stop() {
        for (ServiceProcess p : new ServiceProcess[] {report, indicator, budget}) {
            if (p != null) {
                p.stop();
            }
        }
        infra.stop();
    }

    /** deploy/local/kafka.sh or postgres.sh with CAPAIAN_ENV=test; fails the test when the script fails. */
    public static void script(String name, String command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(root().resolve("deploy/local/" + name).toString(), command).inheritIO();
            pb.environment().put("CAPAIAN_ENV", "test");
            int rc = pb.start().waitFor();
            if (rc != 0) {
                throw new IllegalStateException("deploy/local/" + name + " " + command + " exited with " + rc);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
