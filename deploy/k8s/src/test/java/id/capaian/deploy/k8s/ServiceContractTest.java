package id.capaian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests against the services' own sources: probes hit endpoints the services serve, every
 * environment variable names a property the service reads, every Ingress path reaches a resource.
 */
class ServiceContractTest {

    /** Served by quarkus-smallrye-health under the default root path /q/health. */
    static final List<String> HEALTH_PATHS = List.of("/q/health/started", "/q/health/ready", "/q/health/live");

    /**
     * Quarkus properties that a service reads whether or not its application.properties names them
     * (built-in: the profile, the datasource credentials, the HTTP port ...).
     */
    static final Set<String> WELL_KNOWN_PROPERTIES = Set.of(
            "quarkus.profile",
            "quarkus.http.port",
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "kafka.bootstrap.servers",
            // quarkus-oidc (every service, through capaian-core): the token issuer; IdentityConfigCheck refuses to
            // start without it (or a public key, which only local runs and tests set).
            "quarkus.oidc.auth-server-url",
            "quarkus.oidc.roles.role-claim-path",
            // the connection pool's size and the worker pool's (base/jvm.env)
            "quarkus.datasource.jdbc.max-size",
            "quarkus.thread-pool.max-threads",
            // capaian-core (every service): the audience a token must name (quarkus.oidc.token.audience).
            "capaian.security.audience");

    /** Variables that the JVM or the C library read, not Quarkus (base/jvm.env). */
    static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX");

    static List<String> overlays() {
        return Overlays.names();
    }

    static List<Deployment> deployments(String overlay) {
        return Overlays.ofKind(overlay, "Deployment").stream().map(o -> StrictModels.parse(o, Deployment.class)).toList();
    }

    @Test
    void everyServiceDependsOnSmallRyeHealth() throws IOException {
        for (String service : Overlays.SERVICES) {
            String pom = Files.readString(Overlays.ROOT.resolve(service).resolve("pom.xml"));
            assertThat(pom).as(service + "/pom.xml serves " + HEALTH_PATHS)
                    .containsPattern("<groupId>io\\.quarkus</groupId>\\s*<artifactId>quarkus-smallrye-health</artifactId>");
        }
    }

    @Test
    void everyServiceVerifiesTokensWithQuarkusOidc() throws IOException {
        String core = Files.readString(Overlays.ROOT.resolve("capaian-core/pom.xml"));
        assertThat(core).as("capaian-core/pom.xml reads QUARKUS_OIDC_AUTH_SERVER_URL")
                .containsPattern("<groupId>io\\.quarkus</groupId>\\s*<artifactId>quarkus-oidc</artifactId>");
        for (String service : Overlays.SERVICES) {
            String pom = Files.readString(Overlays.ROOT.resolve(service).resolve("pom.xml"));
            assertThat(pom).as(service + "/pom.xml depends on capaian-core")
                    .containsPattern("<groupId>id\\.capaian</groupId>\\s*<artifactId>capaian-core</artifactId>");
        }
    }

    @Test
    void healthRootPathIsTheDefault() throws IOException {
        for (String service : Overlays.SERVICES) {
            assertThat(applicationProperties(service).stringPropertyNames()).as(service)
                    .noneMatch(k -> k.endsWith("quarkus.smallrye-health.root-path") || k.endsWith("quarkus.http.non-application-root-path")
                            || k.endsWith("quarkus.http.root-path"));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesHitTheHealthEndpointsOnTheHttpPort(String overlay) {
        List<Deployment> deployments = deployments(overlay);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(Overlays.SERVICES);
        for (Deployment deployment : deployments) {
            for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = overlay + " " + deployment.getMetadata().getName() + "/" + c.getName();
                ContainerPort http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                        .orElseThrow(() -> new AssertionError(where + ": no container port named http"));
                assertThat(http.getContainerPort()).as(where).isEqualTo(8080);
                assertThat(envValue(overlay, c, "QUARKUS_HTTP_PORT")).as(where + " listens where the port says")
                        .isEqualTo(String.valueOf(http.getContainerPort()));
                assertProbe(where + " startupProbe", c.getStartupProbe(), "/q/health/started", http);
                assertProbe(where + " readinessProbe", c.getReadinessProbe(), "/q/health/ready", http);
                assertProbe(where + " livenessProbe", c.getLivenessProbe(), "/q/health/live", http);
            }
        }
    }

    private static void assertProbe(String where, Probe probe, String path, ContainerPort http) {
        assertThat(probe).as(where).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(where + " is an HTTP GET").isNotNull();
        assertThat(get.getPath()).as(where).isEqualTo(path).isIn(HEALTH_PATHS);
        IntOrString port = get.getPort();
        boolean matches = port.getStrVal() != null ? port.getStrVal().equals(http.getName())
                : port.getIntVal() != null && port.getIntVal().equals(http.getContainerPort());
        assertThat(matches).as(where + " port " + port + " is the container port named http").isTrue();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableNamesAPropertyTheServiceReads(String overlay) throws IOException {
        List<String> unread = new ArrayList<>();
        for (Deployment deployment : deployments(overlay)) {
            String service = deployment.getMetadata().getName();
            Set<String> known = readProperties(service);
            for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (String env : envNames(overlay, c)) {
                    boolean read = RUNTIME_VARIABLES.contains(env) || known.stream().anyMatch(p -> envName(p).equals(env));
                    if (!read) {
                        unread.add(service + ": " + env + " (property " + env.toLowerCase(Locale.ROOT).replace('_', '.')
                                + ") is neither in " + service + "/src/main/resources/application.properties nor a well-known Quarkus property");
                    }
                }
            }
        }
        assertThat(unread).as(overlay).isEmpty();
    }

    @Test
    void envNamesFollowTheMicroProfileRules() {
        assertThat(envName("quarkus.datasource.jdbc.url")).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(envName("kafka.bootstrap.servers")).isEqualTo("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(envName("capaian.services.budget")).isEqualTo("CAPAIAN_SERVICES_BUDGET");
        assertThat(envName("quarkus.log.category.\"org.apache.kafka\".level"))
                .isEqualTo("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL");
    }

    @Test
    void aVariableNoServiceReadsIsCaught() throws IOException {
        Set<String> read = readProperties("report-service");
        assertThat(read.stream().map(ServiceContractTest::envName))
                .contains("CAPAIAN_SERVICES_BUDGET", "QUARKUS_DATASOURCE_JDBC_URL")
                .doesNotContain("CAPAIAN_SERVICES_BUDGT", "QUARKUS_DATASOURCE_JDBC_URI");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyIngressPathReachesAResourceOfItsService(String overlay) throws IOException {
        List<String> services = Overlays.ofKind(overlay, "Service").stream()
                .map(s -> StrictModels.parse(s, Service.class)).map(s -> s.getMetadata().getName()).toList();
        for (JsonNode object : Overlays.ofKind(overlay, "Ingress")) {
            Ingress ingress = StrictModels.parse(object, Ingress.class);
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String backend = path.getBackend().getService().getName();
                    assertThat(services).as(overlay + " ingress backend").contains(backend);
                    assertThat(jaxRsPaths(backend)).as(overlay + " " + path.getPath() + " -> " + backend)
                            .anyMatch(p -> routes(path, example(p)));
                }
            }
        }
    }

    @Test
    void theIngressRoutesEveryResourceOfEveryService() throws IOException {
        Ingress ingress = StrictModels.parse(Overlays.one("production", "Ingress", "capaian"), Ingress.class);
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths();
        for (String service : Overlays.SERVICES) {
            List<String> internal = internalPaths(service);
            for (String resource : jaxRsPaths(service)) {
                if (internal.contains(resource)) {
                    continue; // theOwnersLockAndClosingAreRoutedByNoIngressPath
                }
                assertThat(paths).as(resource + " of " + service + " is routed to it")
                        .anyMatch(p -> p.getBackend().getService().getName().equals(service) && routes(p, example(resource)));
            }
        }
    }

    /**
     * The owners' year lock and month closing (their @Internal resources) are routed by no Ingress path, in any
     * overlay, while their public paths are; only report-service may reach the port where they answer.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void theOwnersLockAndClosingAreRoutedByNoIngressPath(String overlay) throws IOException {
        List<HTTPIngressPath> paths = new ArrayList<>();
        for (JsonNode object : Overlays.ofKind(overlay, "Ingress")) {
            StrictModels.parse(object, Ingress.class).getSpec().getRules().forEach(r -> paths.addAll(r.getHttp().getPaths()));
        }
        for (String owner : List.of("budget-service", "indicator-service")) {
            List<String> internal = internalPaths(owner);
            assertThat(internal).as(owner + "'s internal resources").hasSize(2)
                    .anyMatch(p -> p.endsWith("/kunci")).anyMatch(p -> p.endsWith("/penutupan"));
            for (String resource : internal) {
                for (String request : List.of(example(resource), example(resource).toUpperCase(Locale.ROOT),
                        example(resource) + "/", example(resource) + "?opd=P3AP2KB")) {
                    assertThat(paths).as(overlay + ": " + request + " is routed by no Ingress path")
                            .noneMatch(p -> routes(p, request));
                }
            }
            String root = owner.startsWith("budget") ? "/api/v1/dpa" : "/api/v1/indikator";
            for (String request : List.of(root + "/63.10/2024/P3AP2KB", root + "/63.10/2024/riwayat",
                    root + "/63.10/2024/P3AP2KB/realisasi/12", root + "/63.10/2024/P3AP2KB/nodes",
                    root + "/63.10/2024/KUNCIAN/nodes")) {
                assertThat(paths).as(overlay + ": " + request + " is routed to " + owner)
                        .anyMatch(p -> p.getBackend().getService().getName().equals(owner) && routes(p, request));
            }
        }
    }

    /**
     * Whether ingress-nginx sends {@code request} (a path) to this Ingress path: Prefix by whole segments; with
     * use-regex, an ImplementationSpecific path is a regular expression anchored at the start, case-insensitive.
     */
    static boolean routes(HTTPIngressPath p, String request) {
        String path = request.replaceAll("\\?.*$", "");
        if ("ImplementationSpecific".equals(p.getPathType())) {
            return Pattern.compile("^" + p.getPath(), Pattern.CASE_INSENSITIVE).matcher(path).find();
        }
        return path.equals(p.getPath()) || path.startsWith(p.getPath() + "/");
    }

    /** A request path of a JAX-RS path template: each {parameter} replaced by a plausible value. */
    static String example(String template) {
        return template.replace("{pemda}", "63.10").replace("{tahun}", "2024").replace("{opd}", "P3AP2KB")
                .replaceAll("\\{[^}]+}", "x1");
    }

    /** The /api paths of a service's resources marked @Internal (answered only on its internal port). */
    static List<String> internalPaths(String service) throws IOException {
        Path sources = Overlays.ROOT.resolve(service).resolve("src/main/java");
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (source.contains("\n@Internal\n")) {
                    Matcher m = JAXRS_PATH.matcher(source);
                    while (m.find()) {
                        paths.add(m.group(1));
                    }
                }
            }
        }
        return paths;
    }

    // --- helpers

    /** The MicroProfile Config rule: every non-alphanumeric character becomes _, then upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(
                Overlays.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)");

    /** The properties a service reads: its keys (without profile), the ${...} it references, the well-known ones. */
    static Set<String> readProperties(String service) throws IOException {
        Properties properties = applicationProperties(service);
        Set<String> known = new LinkedHashSet<>(WELL_KNOWN_PROPERTIES);
        for (String key : properties.stringPropertyNames()) {
            known.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
            Matcher m = REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                known.add(m.group(1));
            }
        }
        return known;
    }

    /** env[] names and the keys of every ConfigMap in envFrom. */
    static List<String> envNames(String overlay, Container c) {
        List<String> names = new ArrayList<>();
        if (c.getEnv() != null) {
            c.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        }
        if (c.getEnvFrom() != null) {
            for (EnvFromSource from : c.getEnvFrom()) {
                assertThat(from.getSecretRef()).as(c.getName() + ": envFrom a Secret hides which variables it sets").isNull();
                assertThat(from.getPrefix()).as(c.getName() + " envFrom prefix").isNull();
                names.addAll(configMap(overlay, from.getConfigMapRef().getName()).getData().keySet());
            }
        }
        return names;
    }

    /** The value of a variable set literally in env[] or through a ConfigMap in envFrom; null when not set so. */
    static String envValue(String overlay, Container c, String name) {
        if (c.getEnv() != null) {
            for (EnvVar e : c.getEnv()) {
                if (e.getName().equals(name)) {
                    return e.getValue();
                }
            }
        }
        if (c.getEnvFrom() != null) {
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    String value = configMap(overlay, from.getConfigMapRef().getName()).getData().get(name);
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    static ConfigMap configMap(String overlay, String name) {
        return StrictModels.parse(Overlays.one(overlay, "ConfigMap", name), ConfigMap.class);
    }

    private static final Pattern JAXRS_PATH = Pattern.compile("@Path\\(\"(/[^\"]*)\"\\)");

    /** The @Path values under /api/ in a service's main sources, REST client interfaces left out. */
    static List<String> jaxRsPaths(String service) throws IOException {
        Path sources = Overlays.ROOT.resolve(service).resolve("src/main/java");
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (source.contains("@RegisterRestClient")) {
                    continue; // a client of another service's API, not a resource of this one
                }
                Matcher m = JAXRS_PATH.matcher(source);
                while (m.find()) {
                    if (m.group(1).startsWith("/api/")) {
                        paths.add(m.group(1));
                    }
                }
            }
        }
        assertThat(paths).as(service + " has REST resources under /api/").isNotEmpty();
        return paths;
    }
}
