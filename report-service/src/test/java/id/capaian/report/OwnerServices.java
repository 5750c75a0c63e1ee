package id.capaian.report;

import id.capaian.testing.LocalInfrastructure;
import id.capaian.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real owners, budget-service and indicator-service, as packaged processes (their jars are
 * built earlier in the reactor) on free ports, against the test PostgreSQL and Kafka, so that the
 * report's tests exercise the whole suite: import through the owners' APIs, events over Kafka.
 */
public class OwnerServices implements QuarkusTestResourceLifecycleManager {

    private final List<Process> processes = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new LocalInfrastructure().start());
        String pgPort = config.get("capaian.db.port");
        String kafka = config.get("kafka.bootstrap.servers");
        for (String service : List.of("budget", "indicator")) {
            int port = freePort();
            int internal = freePort();
            Path jar = LocalInfrastructure.root().resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build the owners first (./mvnw verify builds them before report-service)");
            }
            Path log = Path.of("target", "owner-" + service + ".log").toAbsolutePath();
            try {
                Files.createDirectories(log.getParent());
                List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-Dquarkus.http.port=" + port,
                        "-Dcapaian.http.internal-port=" + internal,
                        "-Dcapaian.db.port=" + pgPort, "-Dkafka.bootstrap.servers=" + kafka,
                        "-Dcapaian.outbox.poll-interval=PT0.2S", "-Dquarkus.log.console.json.enabled=false",
                        "-Dquarkus.otel.sdk.disabled=false"));
                command.addAll(TestTokens.jvmOptions()); // the owners trust the same test tokens as we do
                command.addAll(List.of("-jar", jar.toString()));
                processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String url = "http://127.0.0.1:" + port;
            awaitReady(service, url, log);
            // report-service calls the owners on their internal port, as in the cluster (their year lock and
            // month closing answer only there); the public port is what the Ingress routes
            String internalUrl = "http://127.0.0.1:" + internal;
            config.put("quarkus.rest-client." + service + ".url", internalUrl);
            config.put("capaian.services." + service, internalUrl);
            config.put("capaian.test." + service + ".public-url", url);
        }
        return config;
    }

    @Override
    public void stop() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady(String service, String url, Path log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.get(processes.size() - 1).isAlive()) {
                throw new IllegalStateException(service + "-service exited at start; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(200); // polling a starting process, not synchronizing a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(service + "-service not ready in 120 s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
