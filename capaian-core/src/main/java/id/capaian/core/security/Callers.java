package id.capaian.core.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request, read from its verified bearer token once, when its identity is built
 * ({@link VerifiedTokens.Remember} keeps it as an attribute of the identity, held identities included): smallrye-jwt
 * answers a claim that is not one of its standard names (pemda, opd, name) by throwing and catching an exception,
 * and with two reads per request of three such claims {@link #current} was 15.8% of budget-service's CPU samples
 * under realization PUTs (async-profiler), 3.6% since (the rest is resolving the identity).
 */
@ApplicationScoped
public class Callers {

    /** The identity attribute that holds its {@link Caller}. */
    static final String ATTRIBUTE = Caller.class.getName();

    @Inject SecurityIdentity identity;

    public Caller current() {
        Caller kept = identity.getAttribute(ATTRIBUTE);
        return kept != null ? kept : read(identity);
    }

    /** The caller that an identity's roles and token name. */
    static Caller read(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().forEach(r -> Role.of(r).ifPresent(roles::add));
        String subject = identity.getPrincipal().getName();
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return new Caller(subject, subject, Set.copyOf(roles), null, null);
        }
        String name = text(jwt, "name");
        return new Caller(jwt.getSubject() != null ? jwt.getSubject() : subject,
                name != null ? name : subject, Set.copyOf(roles), text(jwt, "pemda"), text(jwt, "opd"));
    }

    private static String text(JsonWebToken jwt, String claim) {
        Object v = jwt.getClaim(claim);
        String s = v == null ? null : v.toString().replaceAll("^\"|\"$", "");
        return s == null || s.isBlank() ? null : s;
    }
}
