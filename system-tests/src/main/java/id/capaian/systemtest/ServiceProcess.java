package id.capaian.systemtest;

import id.capaian.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Quarkus service (its quarkus-run.jar) run as a process on a port of its own, pointed at a
 * PostgreSQL port and a Kafka bootstrap address, with its output in a log file. It trusts the development
 * signing key (deploy/local/dev-keys, issuer capaian-dev: {@link TestTokens#jvmOptions()}), so that the tokens
 * {@link Http} sends are valid; a service configured with no token issuer refuses to start.
 */
public final class ServiceProcess {

    public final String service;
    public final int port;
    private final List<String> command;
    private final Path workDir;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private long startedNanos;
    private long readyMillis = -1;

    public ServiceProcess(Path root, String service, int port, int pgPort, String kafka, List<String> extraProps, Path log) {
        this.service = service;
        this.port = port;
        this.log = log;
        Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package -DskipTests)");
        }
        environment = jvmEnvironment(root);
        // from the jar's directory, as deploy/local/run starts it: a start-up archive records the class path relative to it
        workDir = jar.getParent();
        command = new ArrayList<>(startJvm(jar, root.resolve(JVM_ENV)));
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dcapaian.db.port=" + pgPort, "-Dkafka.bootstrap.servers=" + kafka));
        command.addAll(TestTokens.jvmOptions());
        command.addAll(extraProps);
        command.addAll(List.of("-jar", "quarkus-run.jar"));
    }

    /** The heap, JVM flags and pool of every service (see {@link #jvmEnvironment}). */
    static final String JVM_ENV = "deploy/k8s/base/jvm.env";

    /**
     * The heap, JVM flags and pool every deployment uses (deploy/k8s/base/jvm.env, as deploy/local/run and the
     * Kubernetes ConfigMap take it), so that what is measured here is what runs there.
     */
    static Map<String, String> jvmEnvironment(Path root) {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(root.resolve(JVM_ENV))) {
                if (line.matches("[A-Z_][A-Z0-9_]*=.*")) {
                    env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(JVM_ENV + ": the services' heap and pool sizes come from it", e);
        }
        return env;
    }

    /**
     * The java and the archive option that deploy/local/run's training start wrote to start.jvm beside the jar (its AOT
     * cache or class-data archive), so that a start measured here is a start there; {@code java} alone when the file
     * is missing or, as deploy/local/run judges it, older than the jar (a fresh build: the tests' case) or than jvm.env,
     * whose flags the archive was made with.
     */
    static List<String> startJvm(Path jar, Path jvmEnv) {
        Path file = jar.resolveSibling("start.jvm");
        try {
            if (Files.exists(file) && newer(file, jar) && newer(file, jvmEnv)) {
                List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
                if (lines.size() == 2 && Files.isExecutable(Path.of(lines.get(0)))) {
                    return lines;
                }
            }
            return List.of("java");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean newer(Path file, Path than) throws IOException {
        return Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ServiceProcess start() {
        try {
            Files.createDirectories(log.getParent());
            startedNanos = System.nanoTime();
            readyMillis = -1;
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(environment);
            process = pb.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls /q/health/ready until UP; the time from start to that answer is {@link #readyMillis()}. */
    public ServiceProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(service + "-service exited (" + process.exitValue() + "); see " + log);
            }
            if (ready(url())) {
                readyMillis = (System.nanoTime() - startedNanos) / 1_000_000;
                return this;
            }
            pause(50);
        }
        throw new IllegalStateException(service + "-service not ready in " + timeout.toSeconds() + " s; see " + log);
    }

    public long readyMillis() {
        return readyMillis;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no offset commit, no flush. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, 30);
        }
    }

    /** SIGTERM, then SIGKILL after 20 s. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(process, 20)) {
                process.destroyForcibly();
                waitFor(process, 10);
            }
        }
    }

    public static boolean ready(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(3000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Resident set size in kB from /proc (Linux), -1 when unknown. */
    public static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU-seconds (user + system) a process has used, from /proc/PID/stat (Linux, 100 ticks/s), -1 when unknown. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime: fields 14 and 15
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean waitFor(Process p, int seconds) {
        try {
            return p.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms); // polling an external process, not synchronizing threads
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
