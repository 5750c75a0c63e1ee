package id.capaian.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A service's committed OpenAPI document ({@code <service>/openapi.yaml}) as the judge of the responses its
 * /api operations give: the status must be one the operation documents, the content type one that status
 * documents, and a JSON body must be valid against that media type's schema (JSON Schema 2020-12 with the
 * OpenAPI 3.1 dialect, by com.networknt:json-schema-validator). Bodies that are not JSON (CSV, XLSX, HTML)
 * are judged by status and content type only. Paths outside /api, and paths or methods that the document
 * does not name at all (a 404 for an unknown path), are not operations and are not judged.
 */
public final class OpenApiResponses {

    private static final Map<Path, OpenApiResponses> DOCUMENTS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Path document;
    private final String location;
    private final List<Template> templates = new ArrayList<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiResponses(Path document) {
        this.document = document.toAbsolutePath().normalize();
        this.location = this.document.toUri().toString();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(this.document.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + this.document, e);
        }
        root.path("paths").fields().forEachRemaining(e -> templates.add(new Template(e.getKey(), e.getValue())));
        // The most literal template first: /nodes/tree before /nodes/{kode}.
        templates.sort((a, b) -> Integer.compare(b.literals, a.literals));
    }

    /** The document at {@code path}, read once per test JVM. */
    public static OpenApiResponses of(Path path) {
        return DOCUMENTS.computeIfAbsent(path.toAbsolutePath().normalize(), OpenApiResponses::new);
    }

    public Path document() {
        return document;
    }

    /** Whether the document names this operation (an /api path template with this method). */
    public boolean describes(String method, String url) {
        String path = URI.create(url.replace(" ", "%20")).getRawPath();
        String m = method.toLowerCase(Locale.ROOT);
        // a dot segment (".." or its encoding) is normalized away by the server: the request reaches another path
        // than the one written, which no template can name
        if (path != null && (path.contains("/..") || path.toLowerCase(Locale.ROOT).contains("%2e"))) {
            return false;
        }
        return path != null && path.startsWith("/api/") && templates.stream().anyMatch(t -> t.matches(path) && t.item.has(m));
    }

    /**
     * What is wrong with this response by the document; empty when it conforms or is not an operation's.
     *
     * @param url the request's URL (absolute, or a path), query included or not
     */
    public List<String> violations(String method, String url, int status, String contentType, String body) {
        String path = URI.create(url.replace(" ", "%20")).getRawPath();
        if (path == null || !path.startsWith("/api/") || path.contains("/..") || path.toLowerCase(Locale.ROOT).contains("%2e")) {
            return List.of(); // not an operation's, or a dot segment the server normalizes to another path
        }
        String m = method.toLowerCase(Locale.ROOT);
        Template template = templates.stream().filter(t -> t.matches(path) && t.item.has(m)).findFirst().orElse(null);
        if (template == null) {
            return List.of();
        }
        String where = method.toUpperCase(Locale.ROOT) + " " + path + " (" + template.path + ") → " + status;
        JsonNode responses = template.item.path(m).path("responses");
        String statusKey = String.valueOf(status);
        if (!responses.has(statusKey)) {
            statusKey = status / 100 + "XX";
        }
        if (!responses.has(statusKey)) {
            statusKey = "default";
        }
        if (!responses.has(statusKey)) {
            return List.of(where + ": status not documented (documented: " + names(responses) + ")");
        }
        JsonNode response = responses.path(statusKey);
        if (response.has("$ref")) {
            return List.of(where + ": response $ref not supported by this check");
        }
        boolean empty = body == null || body.isEmpty();
        JsonNode content = response.path("content");
        if (empty && (content.isMissingNode() || status == 204 || "HEAD".equalsIgnoreCase(method))) {
            return List.of();
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (content.isMissingNode() || content.isEmpty()) {
            return List.of(where + ": a body of type " + media + " where the document promises none");
        }
        String key = content.has(media) ? media : content.has("*/*") ? "*/*" : null;
        if (key == null) {
            return List.of(where + ": content type " + media + " not documented (documented: " + names(content) + ")");
        }
        if (!(media.equals("application/json") || media.endsWith("+json"))) {
            return List.of();
        }
        if (!content.path(key).has("schema")) {
            return List.of();
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(empty ? "" : body);
        } catch (IOException e) {
            return List.of(where + ": body is not JSON: " + e.getMessage());
        }
        if (instance == null || instance.isMissingNode()) {
            return List.of(where + ": empty body where the document promises " + media);
        }
        String pointer = "/paths/" + escape(template.path) + "/" + m + "/responses/" + escape(statusKey)
                + "/content/" + escape(key) + "/schema";
        JsonSchema schema = schemas.computeIfAbsent(pointer,
                p -> factory.getSchema(SchemaLocation.of(location + "#" + p), config));
        List<String> out = new ArrayList<>();
        for (ValidationMessage v : schema.validate(instance)) {
            out.add(where + ": " + v.getMessage());
        }
        return out;
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A path template of the document, such as /api/v1/{pemda}/{tahun}/nodes/{kode}, as a pattern. */
    private static final class Template {
        final String path;
        final JsonNode item;
        final Pattern pattern;
        final int literals;

        Template(String path, JsonNode item) {
            this.path = path;
            this.item = item;
            StringBuilder re = new StringBuilder();
            int lit = 0;
            for (String segment : path.substring(1).split("/", -1)) {
                re.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    re.append("[^/]+");
                } else {
                    re.append(Pattern.quote(segment));
                    lit++;
                }
            }
            this.pattern = Pattern.compile(re.toString());
            this.literals = lit;
        }

        boolean matches(String rawPath) {
            if (pattern.matcher(rawPath).matches()) {
                return true;
            }
            String decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            return pattern.matcher(decoded).matches();
        }
    }
}
