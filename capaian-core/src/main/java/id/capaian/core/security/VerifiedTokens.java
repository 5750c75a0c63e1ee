package id.capaian.core.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The identities of bearer tokens that Quarkus OIDC has verified, held for a short while so that a client sending the
 * same token again is not verified again. The RSA signature check was the largest single cost of a request: 13% of
 * budget-service's CPU samples for a realization PUT under 8 clients (with C1 only, BigInteger's modPow is not
 * intrinsified); held, budget-service spends 6.2 instead of 6.9-7.6 ms of CPU per PUT. Keyed by the whole token, so
 * only the exact bytes OIDC accepted are admitted. An entry ends at the token's {@code exp}, as OIDC's own check
 * would, or after {@code hold}, whichever comes first, so that a key withdrawn at the identity provider stops
 * admitting its tokens within that time. A miss, a token without {@code exp} or a full cache leave the request to
 * OIDC as before. Identities are held without the request they came with (routing context, blocking executor) and
 * without permissions: Capaian authorizes by roles ({@link AccessFilter}), so a permission check on a held identity
 * fails closed.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** How long and how many verified tokens are kept; {@code hold} of zero turns the cache off. */
    @ConfigMapping(prefix = "capaian.security.verified-tokens")
    public interface Config {
        @WithDefault("60s")
        Duration hold();

        @WithDefault("1000")
        int max();
    }

    private record Entry(SecurityIdentity identity, long untilMillis) {
        boolean admits(long nowMillis) {
            return nowMillis < untilMillis;
        }
    }

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private final LongAdder reused = new LongAdder();

    @Inject Config config;
    @Inject MeterRegistry metrics;

    @PostConstruct
    void register() {
        FunctionCounter.builder("capaian.security.tokens.reused", reused, LongAdder::sum)
                .description("Requests admitted by a bearer token verified earlier and held").register(metrics);
    }

    /** The identity verified earlier for exactly this token, made the current request's; null when none is held. */
    SecurityIdentity find(String token, RoutingContext request, long nowMillis) {
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (!e.admits(nowMillis)) {
            entries.remove(token, e);
            return null;
        }
        reused.increment();
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder(e.identity());
        if (request != null) {
            b.addAttribute(ROUTING_CONTEXT, request).addAttribute(REQUEST_CONTEXT, request.get(REQUEST_CONTEXT));
        }
        return b.build();
    }

    /** Keeps an identity that OIDC built from a bearer token, if it names when the token expires. */
    void remember(SecurityIdentity identity, long nowMillis) {
        TokenCredential token = identity.getCredential(TokenCredential.class);
        if (config.hold().isZero() || token == null || token.getToken() == null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0
                || entries.containsKey(token.getToken())) {
            return;
        }
        if (entries.size() >= config.max()) {
            entries.values().removeIf(e -> !e.admits(nowMillis));
            if (entries.size() >= config.max()) {
                return;
            }
        }
        long until = Math.min(jwt.getExpirationTime() * 1000, nowMillis + config.hold().toMillis());
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal()).addRoles(identity.getRoles()).addCredentials(identity.getCredentials());
        identity.getAttributes().forEach((k, v) -> {
            if (!ROUTING_CONTEXT.equals(k) && !REQUEST_CONTEXT.equals(k)) {
                kept.addAttribute(k, v);
            }
        });
        entries.put(token.getToken(), new Entry(kept.build(), until));
    }

    /** How many requests a held identity admitted (for the tests; exported as capaian_security_tokens_reused_total). */
    public long reused() {
        return reused.sum();
    }

    /** Whether an identity is held for exactly this token and still admits it (for the tests). */
    public boolean holds(String token) {
        Entry e = entries.get(token);
        return e != null && e.admits(System.currentTimeMillis());
    }

    /** Asked before Quarkus OIDC: answers a held identity, or nothing, and OIDC verifies the token. */
    @ApplicationScoped
    public static class Lookup implements IdentityProvider<TokenAuthenticationRequest> {

        @Inject VerifiedTokens tokens;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /** Before every provider of the default priority (1001), Quarkus OIDC's among them. */
        @Override
        public int priority() {
            return 2000;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            return Uni.createFrom().item(tokens.find(request.getToken().getToken(),
                    HttpSecurityUtils.getRoutingContextAttribute(request), System.currentTimeMillis()));
        }
    }

    /**
     * Sees every identity once it is built: adds its {@link Caller} (read once, {@link Callers}) and keeps those OIDC
     * verified from a token not yet held. The only augmentor, so the roles it reads are final.
     */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        @Inject VerifiedTokens tokens;

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (identity.isAnonymous()) {
                return Uni.createFrom().item(identity);
            }
            SecurityIdentity named = identity.getAttribute(Callers.ATTRIBUTE) != null ? identity
                    : QuarkusSecurityIdentity.builder(identity).addAttribute(Callers.ATTRIBUTE, Callers.read(identity)).build();
            tokens.remember(named, System.currentTimeMillis());
            return Uni.createFrom().item(named);
        }
    }
}
