package id.capaian.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The overlays under deploy/k8s/overlays, each rendered once per test run with {@code kubectl kustomize}
 * (the same renderer {@code kubectl apply -k} uses), as a list of YAML documents.
 */
final class Overlays {

    /** deploy/k8s, from the surefire property, else the working directory (the module's basedir). */
    static final Path K8S_DIR = Path.of(System.getProperty("capaian.k8s.dir", ".")).toAbsolutePath().normalize();
    /** The repository root, where the services' folders are. */
    static final Path ROOT = Path.of(System.getProperty("capaian.services.dir", K8S_DIR.resolve("../..").toString()))
            .toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("budget-service", "indicator-service", "report-service");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
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
        Path dir = K8S_DIR.resolve("overlays").resolve(overlay);
        ProcessBuilder pb = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("""
                    kubectl is not on the PATH, and these tests render the overlays with `kubectl kustomize`.
                    Install kubectl 1.27 or newer (kustomize v5 is built in), for example on Debian:
                      apt-get install -y kubectl   (from the Kubernetes apt repository, pkgs.k8s.io)
                    or put a kubectl binary on the PATH. No cluster is needed: rendering works offline.""", e);
        }
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
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                        + stderr.toString(StandardCharsets.UTF_8));
            }
            List<JsonNode> objects = new ArrayList<>();
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                        objects.add(doc);
                    }
                }
            }
            if (objects.isEmpty()) {
                throw new IllegalStateException("kubectl kustomize " + dir + " rendered nothing");
            }
            return List.copyOf(objects);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the output of kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
