package id.capaian.core.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read from its verified bearer token. */
@ApplicationScoped
public class Callers {

    @Inject SecurityIdentity identity;

    public Caller current() {
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
