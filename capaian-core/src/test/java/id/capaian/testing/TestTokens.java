package id.capaian.testing;

import id.capaian.testing.DevTokens.Claims;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens for tests, signed with the committed development key, and the settings that make a service
 * trust that key (test keys only: deploy/local/dev-keys).
 */
public final class TestTokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static volatile DevTokens tokens;

    private TestTokens() {
    }

    public static DevTokens tokens() {
        if (tokens == null) {
            tokens = DevTokens.load(LocalInfrastructure.root().resolve(DevTokens.KEY));
        }
        return tokens;
    }

    /** A valid token for a role of a pemda (and opd, or null), cached: tests mint thousands. */
    public static String token(String role, String pemda, String opd) {
        return CACHE.computeIfAbsent(role + "|" + pemda + "|" + opd, k -> tokens().mint(Claims.of(role, pemda, opd)));
    }

    public static String admin(String pemda) {
        return token("admin", pemda, null);
    }

    /** The platform role: operates the services (read-model check, rebuild) for every pemda; names no pemda. */
    public static String platform() {
        return token("platform", null, null);
    }

    /** /api/v1/{dpa|indikator|reports|imports}/{pemda}/...: the pemda segment, still percent-encoded. */
    private static final Pattern PEMDA = Pattern.compile("/api/v1/(?:dpa|indikator|reports|imports)/([^/?#]*)");

    /** The pemda a URL names (percent-decoded as the services decode a path parameter), or 63.10 when none. */
    public static String pemdaOf(String url) {
        Matcher m = PEMDA.matcher(url);
        return m.find() ? URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8) : "63.10";
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** What a service needs to verify these tokens: the development public key and issuer. */
    public static Map<String, String> serviceConfig() {
        return Map.of("quarkus.oidc.public-key", DevTokens.publicKey(LocalInfrastructure.root().resolve(DevTokens.PUBLIC_KEY)),
                "quarkus.oidc.token.issuer", DevTokens.ISSUER);
    }

    /** The same, as JVM options for a packaged service started as a process. */
    public static List<String> jvmOptions() {
        return serviceConfig().entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).sorted().toList();
    }
}
