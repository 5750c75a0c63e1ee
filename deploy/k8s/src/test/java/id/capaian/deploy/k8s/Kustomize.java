package id.capaian.deploy.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A renderer of the part of kustomize (v5, as built into {@code kubectl kustomize}) that deploy/k8s uses, so that the
 * tests need no kubectl. It follows kustomize's own order: resources (files and directories, recursively), then the
 * generators, then patches, namespace, labels, annotations, replicas, images; at the top, the content hash suffix of
 * generated ConfigMaps and Secrets and the references to them.
 *
 * <p>Supported in a kustomization.yaml:
 * <ul>
 *   <li>{@code resources}: YAML files (several documents each) and directories with their own kustomization;</li>
 *   <li>{@code namespace} (metadata.namespace of every namespaced object, the name of a v1 Namespace, the subjects
 *       named "default" of role bindings, as kustomize does);</li>
 *   <li>{@code labels} with {@code pairs} and {@code includeTemplates}; {@code commonAnnotations};</li>
 *   <li>{@code images} ({@code name}, {@code newName}, {@code newTag}, {@code digest}, {@code tagSuffix});</li>
 *   <li>{@code replicas} (Deployment, ReplicationController, ReplicaSet, StatefulSet);</li>
 *   <li>{@code patches} inline ({@code patch}) or from a file ({@code path}), with a {@code target} (group, version,
 *       kind, name and namespace as anchored regular expressions, label and annotation selectors of
 *       {@code key=value} terms): JSON 6902 patches (all six operations), and strategic-merge patches of maps, and
 *       of the lists merged by name ({@code containers}, {@code initContainers}, {@code env}, {@code volumes},
 *       {@code imagePullSecrets}) or by mountPath ({@code volumeMounts});</li>
 *   <li>{@code configMapGenerator} and {@code secretGenerator} ({@code literals}, {@code files}, {@code envs},
 *       {@code behavior} create/merge/replace, {@code options}) and {@code generatorOptions}: the name gets kustomize's
 *       content hash suffix, and references to the object in pod templates, Ingress TLS and ServiceAccounts follow.</li>
 * </ul>
 * Anything else ({@code commonLabels}, {@code labels.includeSelectors}, {@code namePrefix}, {@code components},
 * {@code replacements}, remote resources, {@code $patch} directives, other lists in a strategic-merge patch ...)
 * fails loudly with the field named, rather than render something kustomize would not. {@code KustomizeEquivalenceTest}
 * compares the output with {@code kubectl kustomize} object by object where kubectl is on the PATH.
 */
final class Kustomize {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "commonAnnotations", "images", "replicas", "patches", "configMapGenerator", "secretGenerator",
            "generatorOptions", "metadata");

    /** The kinds kustomize knows to be cluster-scoped (its precomputed OpenAPI table, by kind). */
    private static final Set<String> CLUSTER_SCOPED = Set.of("MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
            "CustomResourceDefinition", "APIService", "CertificateSigningRequest", "FlowSchema",
            "PriorityLevelConfiguration", "IngressClass", "RuntimeClass", "PodSecurityPolicy", "ClusterRole",
            "ClusterRoleBinding", "PriorityClass", "CSIDriver", "CSINode", "StorageClass", "VolumeAttachment",
            "ComponentStatus", "Namespace", "Node", "NodeProxyOptions", "PersistentVolume");

    /** Where a pod spec sits, by kind. */
    private static final Map<String, String> POD_SPEC = Map.of("Pod", "spec", "PodTemplate", "template/spec",
            "Deployment", "spec/template/spec", "ReplicaSet", "spec/template/spec", "DaemonSet", "spec/template/spec",
            "StatefulSet", "spec/template/spec", "Job", "spec/template/spec",
            "CronJob", "spec/jobTemplate/spec/template/spec", "ReplicationController", "spec/template/spec");
    /** Where the pod template's metadata sits (labels with includeTemplates, commonAnnotations). */
    private static final Map<String, List<String>> TEMPLATE_METADATA = Map.of(
            "ReplicationController", List.of("spec/template/metadata"), "Deployment", List.of("spec/template/metadata"),
            "ReplicaSet", List.of("spec/template/metadata"), "DaemonSet", List.of("spec/template/metadata"),
            "StatefulSet", List.of("spec/template/metadata"), "Job", List.of("spec/template/metadata"),
            "CronJob", List.of("spec/jobTemplate/metadata", "spec/jobTemplate/spec/template/metadata"));
    private static final Set<String> REPLICATED = Set.of("Deployment", "ReplicationController", "ReplicaSet", "StatefulSet");

    /** One object and what kustomize remembers about it. */
    private static final class Res {
        ObjectNode object;
        final String orgName;
        final String orgNamespace;
        /** Generated with a content hash suffix still to add. */
        boolean hash;

        Res(ObjectNode object, boolean hash) {
            this.object = object;
            this.orgName = name(object);
            this.orgNamespace = namespace(object);
            this.hash = hash;
        }
    }

    private Kustomize() {
    }

    /** Every object the kustomization in {@code dir} renders to, in the order of its resources. */
    static List<ObjectNode> build(Path dir) {
        List<Res> resources = accumulate(dir.toAbsolutePath().normalize());
        addHashes(resources);
        return resources.stream().map(r -> r.object).toList();
    }

    private static List<Res> accumulate(Path dir) {
        Path file = kustomizationFile(dir);
        ObjectNode k = (ObjectNode) readDocs(file).get(0);
        k.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw unsupported(file, field, "this renderer supports only " + new java.util.TreeSet<>(SUPPORTED));
            }
        });
        String kind = k.path("kind").asText("Kustomization");
        if (!kind.equals("Kustomization")) {
            throw unsupported(file, "kind: " + kind, "only a Kustomization (no Component)");
        }
        List<Res> resources = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            String ref = entry.asText();
            if (ref.contains("://") || ref.startsWith("github.com/") || ref.contains("?ref=")) {
                throw unsupported(file, "resources: " + ref, "remote resources");
            }
            Path path = dir.resolve(ref).normalize();
            if (Files.isDirectory(path)) {
                addAll(file, resources, accumulate(path));
            } else {
                List<Res> docs = new ArrayList<>();
                for (JsonNode doc : readDocs(path)) {
                    if (!doc.isObject() || !doc.has("kind") || !doc.has("apiVersion")) {
                        throw new IllegalStateException(path + ": a document without kind or apiVersion");
                    }
                    if (doc.path("kind").asText().endsWith("List") && doc.has("items")) {
                        throw unsupported(path, "kind: " + doc.path("kind").asText(), "List objects");
                    }
                    docs.add(new Res((ObjectNode) doc, false));
                }
                addAll(file, resources, docs);
            }
        }
        ObjectNode options = k.path("generatorOptions").isObject() ? (ObjectNode) k.get("generatorOptions") : NODES.objectNode();
        checkFields(file, "generatorOptions", options, Set.of("labels", "annotations", "disableNameSuffixHash", "immutable"));
        for (JsonNode generator : k.path("configMapGenerator")) {
            generate(file, dir, resources, "ConfigMap", (ObjectNode) generator, options);
        }
        for (JsonNode generator : k.path("secretGenerator")) {
            generate(file, dir, resources, "Secret", (ObjectNode) generator, options);
        }
        for (JsonNode patch : k.path("patches")) {
            patch(file, dir, resources, (ObjectNode) patch);
        }
        if (k.hasNonNull("namespace")) {
            String namespace = k.get("namespace").asText();
            resources.forEach(r -> setNamespace(r.object, namespace));
        }
        for (JsonNode label : k.path("labels")) {
            checkFields(file, "labels", label, Set.of("pairs", "includeSelectors", "includeTemplates"));
            if (label.path("includeSelectors").asBoolean(false)) {
                throw unsupported(file, "labels.includeSelectors: true", "labels on selectors (kustomize's commonLabels field list)");
            }
            boolean templates = label.path("includeTemplates").asBoolean(false);
            for (Res r : resources) {
                List<String> at = new ArrayList<>(List.of("metadata"));
                if (templates) {
                    at.addAll(TEMPLATE_METADATA.getOrDefault(kind(r.object), List.of()));
                }
                for (String metadata : at) {
                    putAll(ensure(r.object, metadata + "/labels"), label.path("pairs"));
                }
            }
        }
        if (k.path("commonAnnotations").size() > 0) {
            for (Res r : resources) {
                List<String> at = new ArrayList<>(List.of("metadata"));
                at.addAll(TEMPLATE_METADATA.getOrDefault(kind(r.object), List.of()));
                for (String metadata : at) {
                    putAll(ensure(r.object, metadata + "/annotations"), k.get("commonAnnotations"));
                }
            }
        }
        for (JsonNode replicas : k.path("replicas")) {
            checkFields(file, "replicas", replicas, Set.of("name", "count"));
            String name = replicas.path("name").asText();
            boolean found = false;
            for (Res r : resources) {
                if (REPLICATED.contains(kind(r.object)) && name.equals(name(r.object))) {
                    ensure(r.object, "spec").set("replicas", replicas.get("count"));
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalStateException(file + ": replicas: no Deployment, ReplicationController, ReplicaSet or StatefulSet named " + name);
            }
        }
        for (JsonNode image : k.path("images")) {
            checkFields(file, "images", image, Set.of("name", "newName", "newTag", "digest", "tagSuffix"));
            for (Res r : resources) {
                if (!kind(r.object).equals("CustomResourceDefinition")) {
                    setImages(r.object, image);
                }
            }
        }
        return resources;
    }

    // ---- resources ----

    private static Path kustomizationFile(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalStateException("no kustomization.yaml in " + dir);
    }

    private static List<JsonNode> readDocs(Path file) {
        try {
            return parseDocs(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The documents of a YAML stream, each read whole (a document that is a list stays one list). */
    static List<JsonNode> parseDocs(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            while (parser.nextToken() != null) {
                JsonNode doc = YAML.readTree(parser);
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static void addAll(Path file, List<Res> into, List<Res> added) {
        for (Res r : added) {
            for (Res existing : into) {
                if (id(existing.object).equals(id(r.object))) {
                    throw new IllegalStateException(file + ": " + id(r.object) + " is defined twice");
                }
            }
            into.add(r);
        }
    }

    // ---- generators ----

    private static void generate(Path file, Path dir, List<Res> resources, String kind, ObjectNode spec, ObjectNode globalOptions) {
        checkFields(file, kind + " generator", spec, Set.of("name", "namespace", "behavior", "literals", "files", "envs",
                "options", "type"));
        String name = spec.path("name").asText();
        if (name.isEmpty()) {
            throw new IllegalStateException(file + ": a " + kind + " generator without a name");
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (JsonNode env : spec.path("envs")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(dir.resolve(env.asText()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(file + ": cannot read " + env.asText(), e);
            }
            for (String line : lines) {
                String trimmed = line.replaceFirst("^\uFEFF", "").stripLeading();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq < 0) {
                    throw unsupported(file, "envs: " + env.asText() + ": " + trimmed, "a key without a value (taken from the environment)");
                }
                putUnique(file, name, data, trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        }
        for (JsonNode literal : spec.path("literals")) {
            String source = literal.asText();
            int eq = source.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException(file + ": literal " + source + " is not key=value");
            }
            putUnique(file, name, data, source.substring(0, eq), removeQuotes(source.substring(eq + 1)));
        }
        for (JsonNode source : spec.path("files")) {
            String s = source.asText();
            String key = s.contains("=") ? s.substring(0, s.indexOf('=')) : Path.of(s).getFileName().toString();
            String path = s.contains("=") ? s.substring(s.indexOf('=') + 1) : s;
            try {
                putUnique(file, name, data, key, Files.readString(dir.resolve(path), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(file + ": cannot read " + path, e);
            }
        }
        ObjectNode options = globalOptions.deepCopy();
        if (spec.has("options")) {
            checkFields(file, kind + " generator options", spec.get("options"),
                    Set.of("labels", "annotations", "disableNameSuffixHash", "immutable"));
            spec.get("options").fields().forEachRemaining(e -> {
                if (e.getValue().isObject() && options.path(e.getKey()).isObject()) {
                    ((ObjectNode) options.get(e.getKey())).setAll((ObjectNode) e.getValue());
                } else {
                    options.set(e.getKey(), e.getValue());
                }
            });
        }
        ObjectNode payload = NODES.objectNode();
        data.forEach((key, value) -> payload.put(key, kind.equals("Secret")
                ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value));

        String behavior = spec.path("behavior").asText("create");
        String namespace = spec.path("namespace").asText("");
        if (behavior.equals("create")) {
            ObjectNode object = NODES.objectNode();
            object.put("apiVersion", "v1");
            object.put("kind", kind);
            ObjectNode metadata = object.putObject("metadata");
            metadata.put("name", name);
            if (!namespace.isEmpty()) {
                metadata.put("namespace", namespace);
            }
            if (options.path("labels").size() > 0) {
                putAll(metadata.putObject("labels"), options.get("labels"));
            }
            if (options.path("annotations").size() > 0) {
                putAll(metadata.putObject("annotations"), options.get("annotations"));
            }
            if (kind.equals("Secret")) {
                object.put("type", spec.path("type").asText("Opaque"));
            }
            if (!payload.isEmpty()) {
                object.set("data", payload);
            }
            if (options.path("immutable").asBoolean(false)) {
                object.put("immutable", true);
            }
            addAll(file, resources, List.of(new Res(object, !options.path("disableNameSuffixHash").asBoolean(false))));
        } else if (behavior.equals("merge") || behavior.equals("replace")) {
            Res existing = resources.stream().filter(r -> kind.equals(kind(r.object)) && name.equals(r.orgName)
                    && (namespace.isEmpty() || namespace.equals(namespace(r.object)))).findFirst()
                    .orElseThrow(() -> new IllegalStateException(file + ": " + kind + " " + name + " to " + behavior + " is not generated by a base"));
            if (behavior.equals("replace")) {
                existing.object.remove("data");
            }
            if (!payload.isEmpty()) {
                ensure(existing.object, "data").setAll(payload);
            }
            if (options.path("labels").size() > 0) {
                putAll(ensure(existing.object, "metadata/labels"), options.get("labels"));
            }
            if (options.path("annotations").size() > 0) {
                putAll(ensure(existing.object, "metadata/annotations"), options.get("annotations"));
            }
            if (options.has("disableNameSuffixHash")) {
                existing.hash = !options.get("disableNameSuffixHash").asBoolean();
            }
        } else {
            throw unsupported(file, "behavior: " + behavior, "behaviors other than create, merge, replace");
        }
    }

    private static void putUnique(Path file, String name, Map<String, String> data, String key, String value) {
        if (data.put(key, value) != null) {
            throw new IllegalStateException(file + ": " + name + " repeats the key " + key);
        }
    }

    private static String removeQuotes(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** kustomize's hash suffix (api/hasher): sha256 of Go's JSON of the object's kind, data (and type), 10 hex digits. */
    private static void addHashes(List<Res> resources) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Res r : resources) {
            if (!r.hash) {
                continue;
            }
            ObjectNode object = r.object;
            Map<String, JsonNode> m = new TreeMap<>();
            m.put("kind", TextNode.valueOf(kind(object)));
            // kustomize looks the name up as one field called "metadata/name", finds none, and hashes "" instead.
            m.put("name", TextNode.valueOf(""));
            m.put("data", object.has("data") ? object.get("data") : TextNode.valueOf(""));
            if (kind(object).equals("ConfigMap")) {
                if (object.path("binaryData").isObject()) {
                    m.put("binaryData", object.get("binaryData"));
                }
            } else if (kind(object).equals("Secret")) {
                m.put("type", object.has("type") ? object.get("type") : TextNode.valueOf(""));
                if (object.path("stringData").isObject()) {
                    m.put("stringData", object.get("stringData"));
                }
            } else {
                throw new IllegalStateException("hash suffix on a " + kind(object));
            }
            StringBuilder json = new StringBuilder();
            goJson(json, m);
            String hex = sha256(json.toString());
            StringBuilder suffix = new StringBuilder();
            for (char c : hex.substring(0, 10).toCharArray()) {
                suffix.append(switch (c) {
                    case '0' -> 'g';
                    case '1' -> 'h';
                    case '3' -> 'k';
                    case 'a' -> 'm';
                    case 'e' -> 't';
                    default -> c;
                });
            }
            String newName = name(object) + "-" + suffix;
            renamed.put(kind(object) + "|" + namespace(object) + "|" + name(object), newName);
            ((ObjectNode) object.get("metadata")).put("name", newName);
        }
        if (renamed.isEmpty()) {
            return;
        }
        for (Res r : resources) {
            String kind = kind(r.object);
            String ns = namespace(r.object);
            List<String> configMapRefs = new ArrayList<>();
            List<String> secretRefs = new ArrayList<>();
            String pod = POD_SPEC.get(kind);
            if (pod != null) {
                for (String c : List.of("containers", "initContainers")) {
                    configMapRefs.add(pod + "/" + c + "/env/valueFrom/configMapKeyRef/name");
                    configMapRefs.add(pod + "/" + c + "/envFrom/configMapRef/name");
                    secretRefs.add(pod + "/" + c + "/env/valueFrom/secretKeyRef/name");
                    secretRefs.add(pod + "/" + c + "/envFrom/secretRef/name");
                }
                configMapRefs.add(pod + "/volumes/configMap/name");
                configMapRefs.add(pod + "/volumes/projected/sources/configMap/name");
                secretRefs.add(pod + "/volumes/secret/secretName");
                secretRefs.add(pod + "/volumes/projected/sources/secret/name");
                secretRefs.add(pod + "/imagePullSecrets/name");
            }
            if (kind.equals("Ingress")) {
                secretRefs.add("spec/tls/secretName");
            }
            if (kind.equals("ServiceAccount")) {
                secretRefs.add("imagePullSecrets/name");
                secretRefs.add("secrets/name");
            }
            for (String path : configMapRefs) {
                rename(r.object, List.of(path.split("/")), 0, "ConfigMap|" + ns + "|", renamed);
            }
            for (String path : secretRefs) {
                rename(r.object, List.of(path.split("/")), 0, "Secret|" + ns + "|", renamed);
            }
        }
    }

    private static void rename(JsonNode node, List<String> path, int i, String keyPrefix, Map<String, String> renamed) {
        if (node.isArray()) {
            node.forEach(e -> rename(e, path, i, keyPrefix, renamed));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode child = node.get(path.get(i));
        if (child == null) {
            return;
        }
        if (i == path.size() - 1) {
            if (child.isTextual() && renamed.containsKey(keyPrefix + child.asText())) {
                ((ObjectNode) node).put(path.get(i), renamed.get(keyPrefix + child.asText()));
            }
            return;
        }
        rename(child, path, i + 1, keyPrefix, renamed);
    }

    private static String sha256(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON as Go's encoding/json writes it: map keys sorted, and &lt;, &gt;, &amp;, U+2028, U+2029 escaped. */
    private static void goJson(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                goString(out, e.getKey().toString());
                out.append(':');
                goJson(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof JsonNode node) {
            if (node.isObject()) {
                Map<String, JsonNode> fields = new TreeMap<>();
                node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
                goJson(out, fields);
            } else if (node.isTextual()) {
                goString(out, node.asText());
            } else if (node.isNumber() || node.isBoolean() || node.isNull()) {
                out.append(node.toString());
            } else {
                throw new IllegalStateException("cannot hash " + node);
            }
        } else {
            throw new IllegalStateException("cannot hash " + value);
        }
    }

    private static void goString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // ---- patches ----

    private static void patch(Path file, Path dir, List<Res> resources, ObjectNode spec) {
        checkFields(file, "patches", spec, Set.of("patch", "path", "target"));
        String text;
        if (spec.has("patch")) {
            text = spec.get("patch").asText();
        } else if (spec.has("path")) {
            try {
                text = Files.readString(dir.resolve(spec.get("path").asText()));
            } catch (IOException e) {
                throw new IllegalStateException(file + ": cannot read the patch " + spec.get("path").asText(), e);
            }
        } else {
            throw new IllegalStateException(file + ": a patch without patch or path");
        }
        List<JsonNode> docs;
        try {
            docs = parseDocs(text);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": the patch is not YAML: " + text, e);
        }
        if (docs.size() != 1) {
            throw unsupported(file, "patches", "a patch of " + docs.size() + " documents (one per entry, please)");
        }
        JsonNode patch = docs.get(0);
        JsonNode target = spec.get("target");
        if (target != null) {
            checkFields(file, "patches.target", target, Set.of("group", "version", "kind", "name", "namespace",
                    "labelSelector", "annotationSelector"));
        }
        if (patch.isArray()) {
            if (target == null) {
                throw new IllegalStateException(file + ": a JSON 6902 patch needs a target");
            }
            for (Res r : resources) {
                if (matches(file, target, r)) {
                    for (JsonNode op : patch) {
                        r.object = jsonPatch(file, r.object, op);
                    }
                }
            }
        } else if (patch.isObject()) {
            if (!patch.hasNonNull("kind") || !patch.path("metadata").hasNonNull("name")) {
                throw new IllegalStateException(file + ": a strategic-merge patch needs kind and metadata.name (as kustomize)");
            }
            if (target == null) {
                String kind = patch.path("kind").asText();
                String name = patch.path("metadata").path("name").asText();
                List<Res> found = resources.stream().filter(r -> kind.equals(kind(r.object))
                        && (name.equals(r.orgName) || name.equals(name(r.object)))).toList();
                if (found.size() != 1) {
                    throw new IllegalStateException(file + ": the patch of " + kind + "/" + name + " matches " + found.size() + " objects");
                }
                found.get(0).object = (ObjectNode) merge(file, found.get(0).object, patch, "");
            } else {
                for (Res r : resources) {
                    if (matches(file, target, r)) {
                        ObjectNode p = ((ObjectNode) patch).deepCopy();
                        // The target chooses the object; the patch's own name and kind do not rename it.
                        p.remove("kind");
                        p.remove("apiVersion");
                        if (p.path("metadata").isObject()) {
                            ((ObjectNode) p.get("metadata")).remove("name");
                            ((ObjectNode) p.get("metadata")).remove("namespace");
                        }
                        r.object = (ObjectNode) merge(file, r.object, p, "");
                    }
                }
            }
        } else {
            throw new IllegalStateException(file + ": a patch that is neither a list of operations nor an object: " + text);
        }
    }

    private static boolean matches(Path file, JsonNode target, Res r) {
        ObjectNode o = r.object;
        String apiVersion = o.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
        if (!regex(target, "group", group) || !regex(target, "version", version) || !regex(target, "kind", kind(o))) {
            return false;
        }
        if (!regex(target, "name", r.orgName) && !regex(target, "name", name(o))) {
            return false;
        }
        if (!regex(target, "namespace", r.orgNamespace) && !regex(target, "namespace", namespace(o))) {
            return false;
        }
        return selects(file, target.path("labelSelector"), o.path("metadata").path("labels"))
                && selects(file, target.path("annotationSelector"), o.path("metadata").path("annotations"));
    }

    private static boolean regex(JsonNode target, String field, String value) {
        String pattern = target.path(field).asText("");
        return pattern.isEmpty() || Pattern.matches("^(?:" + pattern + ")$", value);
    }

    private static boolean selects(Path file, JsonNode selector, JsonNode map) {
        String s = selector.asText("");
        if (s.isBlank()) {
            return true;
        }
        for (String term : s.split(",")) {
            Matcher m = Pattern.compile("\\s*([A-Za-z0-9./_-]+)\\s*==?\\s*([A-Za-z0-9._-]*)\\s*").matcher(term);
            if (!m.matches()) {
                throw unsupported(file, "selector " + s, "selector terms other than key=value");
            }
            if (!m.group(2).equals(map.path(m.group(1)).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** One JSON 6902 operation (RFC 6902) on a copy of the object. */
    private static ObjectNode jsonPatch(Path file, ObjectNode object, JsonNode op) {
        ObjectNode result = object.deepCopy();
        String kind = op.path("op").asText();
        List<String> path = pointer(op.path("path").asText());
        switch (kind) {
            case "add" -> add(file, result, path, op.get("value").deepCopy());
            case "remove" -> remove(file, result, path);
            case "replace" -> {
                remove(file, result, path);
                add(file, result, path, op.get("value").deepCopy());
            }
            case "move" -> {
                List<String> from = pointer(op.path("from").asText());
                JsonNode value = get(file, result, from);
                remove(file, result, from);
                add(file, result, path, value);
            }
            case "copy" -> add(file, result, path, get(file, result, pointer(op.path("from").asText())).deepCopy());
            case "test" -> {
                if (!get(file, result, path).equals(op.get("value"))) {
                    throw new IllegalStateException(file + ": JSON patch test failed on " + id(object) + " at " + op.path("path").asText());
                }
            }
            default -> throw unsupported(file, "op: " + kind, "JSON patch operations other than the six of RFC 6902");
        }
        return result;
    }

    private static List<String> pointer(String p) {
        if (p.isEmpty()) {
            return List.of();
        }
        if (!p.startsWith("/")) {
            throw new IllegalStateException("a JSON pointer must start with /: " + p);
        }
        List<String> tokens = new ArrayList<>();
        for (String t : p.substring(1).split("/", -1)) {
            tokens.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode get(Path file, JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String token : path) {
            node = node.isArray() ? node.path(index(token, node.size(), false)) : node.get(token);
            if (node == null || node.isMissingNode()) {
                throw new IllegalStateException(file + ": no " + String.join("/", path) + " in " + id(root));
            }
        }
        return node;
    }

    private static void add(Path file, ObjectNode root, List<String> path, JsonNode value) {
        if (path.isEmpty()) {
            throw unsupported(file, "path: \"\"", "replacing a whole object");
        }
        JsonNode parent = get(file, root, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        if (parent.isArray()) {
            ArrayNode array = (ArrayNode) parent;
            if (last.equals("-")) {
                array.add(value);
            } else {
                array.insert(index(last, array.size(), true), value);
            }
        } else if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value);
        } else {
            throw new IllegalStateException(file + ": cannot add under " + String.join("/", path) + " in " + id(root));
        }
    }

    private static void remove(Path file, ObjectNode root, List<String> path) {
        JsonNode parent = get(file, root, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        get(file, root, path);
        if (parent.isArray()) {
            ((ArrayNode) parent).remove(index(last, parent.size(), false));
        } else {
            ((ObjectNode) parent).remove(last);
        }
    }

    private static int index(String token, int size, boolean forInsert) {
        int i = Integer.parseInt(token);
        if (i < 0 || i > size || (!forInsert && i == size)) {
            throw new IllegalStateException("index " + token + " out of bounds (size " + size + ")");
        }
        return i;
    }

    /** Lists a strategic-merge patch may hold: the field and the key its items are merged by. */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "imagePullSecrets", "name", "volumeMounts", "mountPath");

    private static JsonNode merge(Path file, JsonNode into, JsonNode patch, String at) {
        if (patch.isObject()) {
            if (patch.has("$patch") || patch.has("$retainKeys") || patch.has("$setElementOrder")) {
                throw unsupported(file, at + "/$patch", "strategic-merge directives");
            }
            ObjectNode result = into != null && into.isObject() ? ((ObjectNode) into).deepCopy() : NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (e.getValue().isNull()) {
                    result.remove(e.getKey());
                } else if (e.getValue().isArray()) {
                    result.set(e.getKey(), mergeList(file, result.get(e.getKey()), (ArrayNode) e.getValue(), e.getKey(), at + "/" + e.getKey()));
                } else {
                    result.set(e.getKey(), merge(file, result.get(e.getKey()), e.getValue(), at + "/" + e.getKey()));
                }
            }
            return result;
        }
        return patch.deepCopy();
    }

    private static JsonNode mergeList(Path file, JsonNode into, ArrayNode patch, String field, String at) {
        String key = MERGE_KEYS.get(field);
        if (key == null) {
            throw unsupported(file, "strategic-merge patch of the list " + at,
                    "lists other than " + MERGE_KEYS.keySet() + " (use a JSON 6902 patch)");
        }
        // As kustomize (kyaml) merges: the patch's items first, in its order, each merged into the item of the same
        // key, then the other items as they were.
        ArrayNode original = into != null && into.isArray() ? (ArrayNode) into : NODES.arrayNode();
        ArrayNode result = NODES.arrayNode();
        List<JsonNode> used = new ArrayList<>();
        for (JsonNode item : patch) {
            if (!item.isObject() || !item.hasNonNull(key)) {
                throw unsupported(file, at, "items without their merge key " + key);
            }
            JsonNode match = null;
            for (JsonNode existing : original) {
                if (item.get(key).equals(existing.get(key))) {
                    match = existing;
                }
            }
            if (match != null) {
                used.add(match);
            }
            result.add(merge(file, match, item, at + "[" + item.get(key).asText() + "]"));
        }
        for (JsonNode existing : original) {
            if (used.stream().noneMatch(u -> u == existing)) {
                result.add(existing.deepCopy());
            }
        }
        return result;
    }

    // ---- namespace, images ----

    private static void setNamespace(ObjectNode object, String namespace) {
        String kind = kind(object);
        if (!CLUSTER_SCOPED.contains(kind)) {
            ensure(object, "metadata").put("namespace", namespace);
        }
        if (kind.equals("Namespace") && object.path("apiVersion").asText().equals("v1")) {
            ensure(object, "metadata").put("name", namespace);
        }
        if (kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding")) {
            for (JsonNode subject : object.path("subjects")) {
                if ("default".equals(subject.path("name").asText())) {
                    ((ObjectNode) subject).put("namespace", namespace);
                }
            }
        }
        if (kind.equals("APIService") && object.path("spec").path("service").isObject()) {
            ((ObjectNode) object.get("spec").get("service")).put("namespace", namespace);
        }
        JsonNode webhook = object.path("spec").path("conversion").path("webhook").path("clientConfig").path("service");
        if (kind.equals("CustomResourceDefinition") && webhook.isObject()) {
            ((ObjectNode) webhook).put("namespace", namespace);
        }
    }

    private static void setImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                setImages(e.getValue(), image);
                if ((e.getKey().equals("containers") || e.getKey().equals("initContainers")) && e.getValue().isArray()) {
                    for (JsonNode container : e.getValue()) {
                        if (container.path("image").isTextual()) {
                            ((ObjectNode) container).put("image", newImage(container.get("image").asText(), image));
                        }
                    }
                }
                if (e.getKey().equals("volumes") && e.getValue().isArray()) {
                    for (JsonNode volume : e.getValue()) {
                        if (volume.path("image").path("reference").isTextual()) {
                            ((ObjectNode) volume.get("image")).put("reference", newImage(volume.get("image").get("reference").asText(), image));
                        }
                    }
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> setImages(n, image));
        }
    }

    /** kustomize's api/internal/image: match the name, split off tag and digest, set the new ones. */
    static String newImage(String value, JsonNode image) {
        String name = image.path("name").asText();
        if (!Pattern.matches("^" + Pattern.quote(name)
                + "(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?$", value)) {
            return value;
        }
        int slash = value.indexOf('/');
        int from = Math.max(slash, 0);
        int at = value.indexOf('@', from);
        int colon = value.indexOf(':', from);
        String base;
        String tag = "";
        String digest = "";
        if (at < 0 && colon < 0) {
            base = value;
        } else if (at >= 0 && (colon < 0 || at < colon)) {
            base = value.substring(0, at);
            digest = value.substring(at + 1);
        } else if (at >= 0) {
            base = value.substring(0, colon);
            tag = value.substring(colon + 1, at);
            digest = value.substring(at + 1);
        } else {
            base = value.substring(0, colon);
            tag = value.substring(colon + 1);
        }
        if (image.hasNonNull("newName")) {
            base = image.get("newName").asText();
        }
        String newTag = image.path("newTag").asText("");
        String newDigest = image.path("digest").asText("");
        String tagSuffix = image.path("tagSuffix").asText("");
        if (!newTag.isEmpty() && !newDigest.isEmpty()) {
            tag = newTag;
            digest = newDigest;
        } else if (!newTag.isEmpty()) {
            tag = newTag;
            digest = "";
        } else if (!newDigest.isEmpty()) {
            tag = "";
            digest = newDigest;
        } else if (!tagSuffix.isEmpty()) {
            tag += tagSuffix;
            digest = "";
        }
        return base + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }

    // ---- helpers ----

    private static ObjectNode ensure(ObjectNode root, String path) {
        ObjectNode node = root;
        for (String field : path.split("/")) {
            JsonNode child = node.get(field);
            if (child == null || !child.isObject()) {
                child = node.putObject(field);
            }
            node = (ObjectNode) child;
        }
        return node;
    }

    private static void putAll(ObjectNode into, JsonNode pairs) {
        pairs.fields().forEachRemaining(e -> into.put(e.getKey(), e.getValue().asText()));
    }

    private static void checkFields(Path file, String where, JsonNode node, Set<String> allowed) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw unsupported(file, where + "." + field, "this renderer supports " + new java.util.TreeSet<>(allowed));
            }
        });
    }

    private static UnsupportedOperationException unsupported(Path file, String field, String what) {
        return new UnsupportedOperationException(file + ": `" + field + "` is not supported by the test renderer ("
                + what + "); extend deploy/k8s/src/test/java/id/capaian/deploy/k8s/Kustomize.java and its "
                + "KustomizeEquivalenceTest fixtures, or render with kubectl kustomize");
    }

    static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String namespace(JsonNode object) {
        return object.path("metadata").path("namespace").asText("");
    }

    /** apiVersion, kind, namespace and name: what kustomize and the API server tell objects apart by. */
    static String id(JsonNode object) {
        return object.path("apiVersion").asText() + " " + kind(object) + " " + namespace(object) + "/" + name(object);
    }
}
