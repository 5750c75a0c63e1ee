package id.capaian.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.capaian.testing.DevTokens.Claims;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The authorization matrix of a service, generated from its OpenAPI document: every operation ×
 * every role × own / other OPD / other pemda, and no token / expired / wrong key / wrong issuer /
 * wrong or no audience / garbage, each against the expected 2xx, 401 or 403. A refused write must leave the database as it
 * was. Requests are built from the document's own examples (path parameters and request bodies).
 *
 * <p>The expectations are the README's role table, restated here on purpose rather than taken from
 * the code under test: each operation is classified by the test ({@link #classify}), and an operation
 * of the document that is not classified fails the test, so a new endpoint cannot skip the matrix.
 */
public final class AuthorizationMatrix {

    /** The kinds of operation of the role table. */
    public enum Rule { READ, WRITE, BULK_WRITE, ANNOTATE, LOCK, OPERATE, REPAIR }

    enum Scope { OWN, OTHER_OPD, OTHER_PEMDA }

    static final List<String> ROLES = List.of("operator", "verifikator", "pembaca", "integrasi", "admin", "platform");
    static final String OTHER_OPD = "LAINNYA";
    static final String OTHER_PEMDA = "64.01";
    static final String DEFAULT_OPD = "P3AP2KB";
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head");

    /** What the matrix ran, for the closing note and the test log. */
    public record Summary(String service, int operations, int requests, int allowed, int unauthenticated,
            int forbidden) {
        @Override
        public String toString() {
            return "authorization matrix " + service + ": " + operations + " operations, " + requests + " requests: "
                    + allowed + " allowed (2xx), " + unauthenticated + " refused 401, " + forbidden + " refused 403";
        }
    }

    private final String service;
    private final URI base;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private Runnable beforeAllowedWrite = () -> { };
    private Supplier<String> snapshot = () -> "";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    private AuthorizationMatrix(String service, URI base) {
        this.service = service;
        this.base = base;
    }

    public static AuthorizationMatrix of(String service, URI base) {
        return new AuthorizationMatrix(service, URI.create(base.toString().replaceAll("/$", "")));
    }

    /** Classifies an operation, named "METHOD /path/{template}" as in the document. */
    public AuthorizationMatrix classify(String operation, Rule rule) {
        rules.put(operation, rule);
        return this;
    }

    /** Restores a state in which every example request succeeds; run before and after each write expected to succeed. */
    public AuthorizationMatrix beforeAllowedWrite(Runnable reset) {
        this.beforeAllowedWrite = reset;
        return this;
    }

    /** The database as text; a refused write must leave it equal. */
    public AuthorizationMatrix snapshot(Supplier<String> snapshot) {
        this.snapshot = snapshot;
        return this;
    }

    public Summary run() throws Exception {
        JsonNode doc = json.readTree(send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).GET())
                .body());
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = doc.get("paths").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> op = m.next();
                if (METHODS.contains(op.getKey())) {
                    // parameters shared by the path's operations are declared once, on the path
                    ObjectNode o = op.getValue().deepCopy();
                    ArrayNode params = o.putArray("parameters");
                    path.getValue().path("parameters").forEach(params::add);
                    op.getValue().path("parameters").forEach(params::add);
                    operations.put(op.getKey().toUpperCase() + " " + path.getKey(), o);
                }
            }
        }
        List<String> faults = new ArrayList<>();
        operations.keySet().stream().filter(o -> !rules.containsKey(o))
                .forEach(o -> faults.add(o + ": not classified; add it to the matrix"));
        rules.keySet().stream().filter(o -> !operations.containsKey(o))
                .forEach(o -> faults.add(o + ": classified but not in the OpenAPI document"));
        int requests = 0;
        int allowed = 0;
        int unauthenticated = 0;
        int forbidden = 0;
        DevTokens tokens = TestTokens.tokens();
        DevTokens stranger = strangerKey();
        for (Map.Entry<String, JsonNode> e : operations.entrySet()) {
            Rule rule = rules.get(e.getKey());
            if (rule == null) {
                continue;
            }
            Example ex = example(e.getKey(), e.getValue());
            boolean write = !ex.method.equals("GET");
            String opd = ex.opd != null ? ex.opd : DEFAULT_OPD;
            Map<String, String> cases = new LinkedHashMap<>();
            Map<String, Boolean> expected = new LinkedHashMap<>();
            for (String role : ROLES) {
                boolean agency = role.equals("operator") || role.equals("integrasi");
                for (Scope scope : Scope.values()) {
                    String pemda = scope == Scope.OTHER_PEMDA ? OTHER_PEMDA : ex.pemda;
                    String tokenOpd = !agency ? null : scope == Scope.OTHER_OPD ? OTHER_OPD : opd;
                    // the platform role operates every pemda and names none
                    String tokenPemda = role.equals("platform") ? null : pemda;
                    cases.put(role + "/" + scope, tokens.mint(Claims.of(role, tokenPemda, tokenOpd)));
                    expected.put(role + "/" + scope, allows(rule, role, scope, ex.opd != null));
                }
            }
            Claims admin = Claims.of("admin", ex.pemda, null);
            Map<String, String> invalid = new LinkedHashMap<>();
            invalid.put("no token", null);
            invalid.put("expired", tokens.mint(admin.expired()));
            invalid.put("wrong key", stranger.mint(admin));
            invalid.put("wrong issuer", tokens.mint(admin, "https://issuer.tidak.dikenal"));
            invalid.put("wrong audience", tokens.mint(admin, DevTokens.ISSUER, "aplikasi-lain"));
            invalid.put("no audience", tokens.mint(admin, DevTokens.ISSUER, null));
            invalid.put("garbage", "bukan.sebuah.token");
            for (Map.Entry<String, String> c : invalid.entrySet()) {
                int status = refused(ex, c.getValue(), write, faults, e.getKey() + " with " + c.getKey());
                requests++;
                if (status == 401) {
                    unauthenticated++;
                } else {
                    faults.add(e.getKey() + " with " + c.getKey() + ": expected 401, got " + status);
                }
            }
            for (Map.Entry<String, String> c : cases.entrySet()) {
                String name = e.getKey() + " as " + c.getKey();
                requests++;
                if (expected.get(c.getKey())) {
                    if (write) {
                        beforeAllowedWrite.run();
                    }
                    HttpResponse<String> r = send(ex.request(base, c.getValue()));
                    if (write) {
                        beforeAllowedWrite.run(); // and after: the reads that follow find the example state
                    }
                    if (r.statusCode() / 100 == 2) {
                        allowed++;
                    } else {
                        faults.add(name + ": expected 2xx, got " + r.statusCode() + " " + r.body());
                    }
                } else {
                    int status = refused(ex, c.getValue(), write, faults, name);
                    if (status == 403) {
                        forbidden++;
                    } else {
                        faults.add(name + ": expected 403, got " + status);
                    }
                }
            }
        }
        beforeAllowedWrite.run();
        Summary summary = new Summary(service, rules.size(), requests, allowed, unauthenticated, forbidden);
        System.out.println(summary);
        if (!faults.isEmpty()) {
            fail(faults.size() + " of " + requests + " cases wrong:\n" + String.join("\n", faults));
        }
        return summary;
    }

    /** The role table: may {@code role}, acting for the scope, do an operation of this rule? */
    static boolean allows(Rule rule, String role, Scope scope, boolean pathHasOpd) {
        boolean samePemda = scope != Scope.OTHER_PEMDA;
        boolean ownOpd = scope == Scope.OWN;
        boolean lead = role.equals("verifikator") || role.equals("admin");
        return switch (rule) {
            case READ -> samePemda && !role.equals("platform");
            case WRITE -> pathHasOpd && (role.equals("operator") && ownOpd || role.equals("admin") && samePemda);
            case BULK_WRITE -> allows(Rule.WRITE, role, scope, pathHasOpd)
                    || pathHasOpd && role.equals("integrasi") && ownOpd;
            case ANNOTATE -> pathHasOpd && role.equals("operator") && ownOpd || lead && samePemda;
            case LOCK -> lead && samePemda;
            case OPERATE -> role.equals("platform");
            case REPAIR -> role.equals("platform") || role.equals("admin") && samePemda;
        };
    }

    /** Sends a request expected to be refused; a refused write must not change the database. */
    private int refused(Example ex, String token, boolean write, List<String> faults, String name) throws Exception {
        String before = write ? snapshot.get() : null;
        HttpResponse<String> r = send(ex.request(base, token));
        if (r.statusCode() / 100 == 4 && !r.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json")) {
            faults.add(name + ": refusal is not problem+json");
        }
        if (write && !snapshot.get().equals(before)) {
            faults.add(name + ": refused (" + r.statusCode() + ") but the database changed");
        }
        return r.statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request built from an operation's examples. */
    record Example(String method, String path, String pemda, String opd, String contentType, String body) {

        HttpRequest.Builder request(URI base, String token) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
        }
    }

    private Example example(String name, JsonNode op) throws Exception {
        String method = name.substring(0, name.indexOf(' '));
        String path = name.substring(name.indexOf(' ') + 1);
        Map<String, String> query = new LinkedHashMap<>();
        String pemda = null;
        String opd = null;
        for (JsonNode p : op.path("parameters")) {
            String value = p.path("example").asText(p.path("schema").path("example").asText(null));
            String in = p.path("in").asText();
            if (in.equals("path")) {
                if (value == null) {
                    fail(name + ": path parameter " + p.path("name").asText() + " has no example");
                }
                path = path.replace("{" + p.path("name").asText() + "}", value);
                pemda = p.path("name").asText().equals("pemda") ? value : pemda;
                opd = p.path("name").asText().equals("opd") ? value : opd;
            } else if (in.equals("query") && p.path("required").asBoolean() && value != null) {
                query.put(p.path("name").asText(), value);
            }
        }
        if (!query.isEmpty()) {
            path += "?" + String.join("&", query.entrySet().stream().map(q -> q.getKey() + "=" + q.getValue()).toList());
        }
        String contentType = null;
        String body = null;
        JsonNode content = op.path("requestBody").path("content");
        if (content.size() > 0) {
            Iterator<String> types = content.fieldNames();
            contentType = content.has("application/json") ? "application/json" : types.next();
            JsonNode media = content.get(contentType);
            JsonNode value = media.has("example") ? media.get("example")
                    : media.path("examples").size() > 0 ? media.path("examples").elements().next().path("value") : null;
            if (value == null || value.isMissingNode()) {
                fail(name + ": request body has no example");
            }
            body = value.isTextual() && !contentType.contains("json") ? value.asText()
                    : value.isTextual() ? value.asText() : json.writeValueAsString(value);
        }
        if (pemda == null) {
            pemda = "63.10";
        }
        return new Example(method, path, pemda, opd, contentType, body);
    }

    /** A key the services do not trust: a token it signs has a valid shape and a wrong signature. */
    private static DevTokens strangerKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return DevTokens.of(g.generateKeyPair().getPrivate());
    }
}
