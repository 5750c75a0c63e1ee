package id.capaian.core.security;

import id.capaian.core.problem.ProblemException;
import jakarta.enterprise.inject.Instance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks every /api operation's {@link Requires} rule before it runs: 401 without a valid token, 403
 * when the token's roles, pemda or opd do not cover the pemda/opd in the path. An /api operation
 * that declares no rule is refused, so a forgotten annotation fails closed.
 */
public class AccessFilter {

    /** The detail of the 401 for a request without a token. */
    public static final String NO_TOKEN = "Kirim token: Authorization: Bearer <token>";

    @Inject Callers callers;
    @Inject Instance<PublicReads> publicReads;
    @Inject InternalPort internalPort;

    @ServerRequestFilter
    public void check(ResourceInfo resource, UriInfo uri, HttpServerRequest request) {
        Method method = resource.getResourceMethod();
        if (method == null || !uri.getPath().startsWith("/api/")) {
            return;
        }
        if (resource.getResourceClass().isAnnotationPresent(Internal.class)
                && !internalPort.admits(request.localAddress().port())) {
            throw new ProblemException(404, "tidak-ditemukan", "Tidak ditemukan",
                    "operasi ini hanya untuk report-service, di port internal layanan", java.util.List.of());
        }
        Requires rule = method.getAnnotation(Requires.class);
        MultivaluedMap<String, String> path = uri.getPathParameters();
        String pemda = path.getFirst("pemda");
        String opd = path.getFirst("opd");
        Caller caller = callers.current();
        if (caller.anonymous()) {
            if (rule != null && rule.publicWhenLocked() && publicReads.isResolvable()
                    && publicReads.get().isPublic(pemda, path.getFirst("tahun"), opd)) {
                return;
            }
            throw ProblemException.unauthenticated(NO_TOKEN);
        }
        if (rule == null) {
            throw ProblemException.forbidden("operasi ini tidak terbuka");
        }
        if (!rule.value().allows(caller, pemda, opd)) {
            throw ProblemException.forbidden(refusal(caller, rule.value(), pemda, opd));
        }
    }

    private static String refusal(Caller c, Action action, String pemda, String opd) {
        String scope = "pemda " + pemda + (opd == null ? "" : " opd " + opd);
        String who = "peran " + c.roles().stream().map(Role::claim).toList()
                + (c.pemda() == null ? " tanpa pemda" : " untuk pemda " + c.pemda())
                + (c.opd() == null ? "" : " opd " + c.opd());
        return "token dengan " + who + " tidak boleh " + verb(action) + " " + scope;
    }

    private static String verb(Action a) {
        return switch (a) {
            case READ -> "membaca";
            case WRITE, BULK_WRITE -> "mengubah data";
            case ANNOTATE -> "memberi anotasi pada";
            case LOCK -> "mengunci atau membuka";
            case OPERATE -> "mengoperasikan layanan untuk";
            case REPAIR -> "memulihkan (menerbitkan ulang, membandingkan) data";
        };
    }
}
