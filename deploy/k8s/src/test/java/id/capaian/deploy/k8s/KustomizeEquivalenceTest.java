package id.capaian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Kustomize} renders what {@code kubectl kustomize} renders: every overlay, and the fixtures under
 * src/test/resources/kustomize that use every field the renderer supports, compared object by object (order of the
 * objects aside). Without kubectl on the PATH the comparisons are skipped: the other tests need only the renderer.
 */
class KustomizeEquivalenceTest {

    private static final Path FIXTURES = Overlays.K8S_DIR.resolve("src/test/resources/kustomize");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> kustomizations() {
        List<Path> dirs = new ArrayList<>();
        Overlays.names().forEach(n -> dirs.add(Overlays.K8S_DIR.resolve("overlays").resolve(n)));
        dirs.add(Overlays.K8S_DIR.resolve("base"));
        dirs.add(FIXTURES.resolve("features/base"));
        dirs.add(FIXTURES.resolve("features/overlay"));
        return dirs.stream();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void rendersWhatKubectlKustomizeRenders(Path dir) throws IOException {
        Assumptions.assumeTrue(kubectlWithKustomize(), "kubectl (with kustomize v5) is not on the PATH");
        Map<String, JsonNode> expected = byId(kubectlKustomize(dir));
        Map<String, JsonNode> actual = byId(new ArrayList<>(Kustomize.build(dir)));
        assertThat(actual.keySet()).as("the objects rendered from " + dir).containsExactlyElementsOf(expected.keySet());
        List<String> different = expected.keySet().stream().filter(id -> !expected.get(id).equals(actual.get(id))).toList();
        if (!different.isEmpty()) {
            // Both renderings side by side, to diff.
            Path out = Overlays.K8S_DIR.resolve("target/kustomize-diff")
                    .resolve(Overlays.K8S_DIR.relativize(dir).toString().replace('/', '_'));
            Files.createDirectories(out);
            Files.writeString(out.resolve("kubectl.yaml"), yaml(expected, different));
            Files.writeString(out.resolve("renderer.yaml"), yaml(actual, different));
            throw new AssertionError(dir + ": the renderer differs from kubectl kustomize in " + different
                    + "; diff " + out.resolve("kubectl.yaml") + " " + out.resolve("renderer.yaml"));
        }
    }

    @Test
    void theFixturesUseWhatTheyClaimTo() {
        List<JsonNode> objects = new ArrayList<>(Kustomize.build(FIXTURES.resolve("features/overlay")));
        JsonNode config = objects.stream().filter(o -> Kustomize.name(o).startsWith("app-config-")).findFirst().orElseThrow();
        // kustomize's content hash of this ConfigMap (its name and data after the overlay merged into it).
        assertThat(Kustomize.name(config)).isEqualTo("app-config-g965854h58");
        assertThat(config.path("data").path("JAVA_OPTS").asText()).isEqualTo("-XX:MaxRAMPercentage=50");
        JsonNode deployment = objects.stream().filter(o -> Kustomize.kind(o).equals("Deployment")).findFirst().orElseThrow();
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(deployment.path("spec").path("template").path("spec").path("volumes").get(0).path("configMap")
                .path("name").asText()).isEqualTo("app-config-g965854h58");
    }

    @Test
    void anUnsupportedFieldFailsLoudly() {
        assertThatThrownBy(() -> Kustomize.build(FIXTURES.resolve("unsupported")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("commonLabels");
    }

    @Test
    void imageNamesAreSplitAsKustomizeSplitsThem() throws IOException {
        JsonNode image = YAML.readTree("{name: app, newName: r.example/app, newTag: '2'}");
        assertThat(Kustomize.newImage("app", image)).isEqualTo("r.example/app:2");
        assertThat(Kustomize.newImage("app:1@sha256:abc", image)).isEqualTo("r.example/app:2");
        assertThat(Kustomize.newImage("application:1", image)).isEqualTo("application:1");
        assertThat(Kustomize.newImage("localhost:5000/app:1", YAML.readTree("{name: 'localhost:5000/app', newTag: '3'}")))
                .isEqualTo("localhost:5000/app:3");
    }

    private static String yaml(Map<String, JsonNode> objects, List<String> ids) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            out.append(YAML.writeValueAsString(sorted(objects.get(id))));
        }
        return out.toString();
    }

    /** The object with its fields in alphabetical order (as kubectl writes them), for a readable diff. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode result = YAML.createObjectNode();
            new TreeMap<String, JsonNode>(YAML.convertValue(node, new com.fasterxml.jackson.core.type.TypeReference<Map<String, JsonNode>>() {
            })).forEach((k, v) -> result.set(k, sorted(v)));
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = YAML.createArrayNode();
            node.forEach(e -> result.add(sorted(e)));
            return result;
        }
        return node;
    }

    private static Map<String, JsonNode> byId(List<? extends JsonNode> objects) {
        Map<String, JsonNode> byId = new TreeMap<>();
        for (JsonNode o : objects) {
            assertThat(byId.put(Kustomize.id(o), o)).as("one object per id: " + Kustomize.id(o)).isNull();
        }
        return byId;
    }

    private static Boolean available;

    private static synchronized boolean kubectlWithKustomize() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("Kustomize Version: v5");
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        return available;
    }

    private static List<JsonNode> kubectlKustomize(Path dir) throws IOException {
        Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
        try (InputStream out = process.getInputStream(); InputStream err = process.getErrorStream()) {
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> {
                try {
                    err.transferTo(stderr);
                } catch (IOException ignored) {
                    // the exit code tells
                }
            });
            drain.start();
            byte[] yaml = out.readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            drain.join();
            assertThat(process.exitValue()).as("kubectl kustomize " + dir + ": " + stderr.toString(StandardCharsets.UTF_8))
                    .isZero();
            return Kustomize.parseDocs(new String(yaml, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
