package id.capaian.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts the real PostgreSQL and Kafka for a service's tests through the project's own scripts
 * (deploy/local/infra, CAPAIAN_ENV=test: ports and data apart from the demo suite), and points the
 * service at them, trusting the development token key. Reuses what already runs; stops only what it started.
 */
public class LocalInfrastructure implements QuarkusTestResourceLifecycleManager {

    private boolean startedHere;

    @Override
    public Map<String, String> start() {
        startedHere = run("status", true) != 0;
        // Started here (each test application of a module starts and stops it): the broker with an empty log. The
        // application's database is fresh (Flyway clean), and a fresh read model reads every partition from the
        // beginning: events of earlier applications, whose owners' rows are gone, must not reach it.
        if (run("start", false, startedHere) != 0) {
            throw new IllegalStateException("deploy/local/infra start failed (CAPAIAN_ENV=test); see its output above");
        }
        Map<String, String> config = new java.util.HashMap<>(TestTokens.serviceConfig());
        config.put("capaian.db.port", script("postgres.sh", "port"));
        config.put("kafka.bootstrap.servers", script("kafka.sh", "bootstrap"));
        return config;
    }

    @Override
    public void stop() {
        if (startedHere && !Boolean.getBoolean("capaian.keep-infra")) {
            run("stop", false);
        }
    }

    /** The checkout's root, passed by Surefire; the module's parent when run from an IDE. */
    public static Path root() {
        String r = System.getProperty("capaian.root");
        return r != null ? Path.of(r) : Path.of("").toAbsolutePath().getParent();
    }

    public static int run(String command, boolean quiet) {
        return run(command, quiet, false);
    }

    private static int run(String command, boolean quiet, boolean freshKafka) {
        try {
            ProcessBuilder pb = process(List.of(root().resolve("deploy/local/infra").toString(), command));
            if (freshKafka) {
                pb.environment().put("CAPAIAN_KAFKA_FRESH", "1");
            }
            if (quiet) {
                pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            } else {
                pb.inheritIO();
            }
            return pb.start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One line of a deploy/local script's output, e.g. the test broker's bootstrap address. */
    public static String script(String name, String command) {
        try {
            Process p = process(List.of(root().resolve("deploy/local/" + name).toString(), command))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0 || out.isEmpty()) {
                throw new IllegalStateException(name + " " + command + " failed");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ProcessBuilder process(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("CAPAIAN_ENV", "test");
        if (!Files.isExecutable(Path.of(command.get(0)))) {
            throw new IllegalStateException("not found: " + command.get(0) + " (is capaian.root right?)");
        }
        return pb;
    }
}
