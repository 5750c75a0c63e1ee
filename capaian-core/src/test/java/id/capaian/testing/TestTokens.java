package id.capaian.testing;

import id.capaian.testing.DevTokens.Claims;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
