package id.capaian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The overlays under deploy/k8s/overlays, each rendered once per test run by {@link Kustomize} (the subset of
 * kustomize they use, in Java: no kubectl needed), as a list of objects. {@code KustomizeEquivalenceTest} proves the
 * rendering equal to {@code kubectl kustomize} (what {@code kubectl apply -k} applies) wherever kubectl is installed.
 */
final class Overlays {

    /** deploy/k8s, from the surefire property, else the working directory (the module's basedir). */
    static final Path K8S_DIR = Path.of(System.getProperty("capaian.k8s.dir", ".")).toAbsolutePath().normalize();
    /** The repository root, where the services' folders are. */
    static final Path ROOT = Path.of(System.getProperty("capaian.services.dir", K8S_DIR.resolve("../..").toString()))
            .toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("budget-service", "indicator-service", "report-service");

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    /** The overlay names: every folder of deploy/k8s/overlays with a kustomization.yaml. */
    static List<String> names() {
        try (Stream<Path> dirs = Files.list(K8S_DIR.resolve("overlays"))) {
            List<String> names = dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no overlay with a kustomization.yaml under " + K8S_DIR.resolve("overlays"));
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + K8S_DIR.resolve("overlays"), e);
        }
    }

    /** Every object the overlay renders to. */
    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Overlays::kustomize);
    }

    static List<JsonNode> ofKind(String overlay, String kind) {
        return render(overlay).stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static JsonNode one(String overlay, String kind, String name) {
        List<JsonNode> found = ofKind(overlay, kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText())).toList();
        if (found.size() != 1) {
            throw new AssertionError(overlay + ": expected one " + kind + " named " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    private static List<JsonNode> kustomize(String overlay) {
        List<JsonNode> objects = List.copyOf(Kustomize.build(K8S_DIR.resolve("overlays").resolve(overlay)));
        if (objects.isEmpty()) {
            throw new IllegalStateException("overlay " + overlay + " rendered nothing");
        }
        return objects;
    }
}
