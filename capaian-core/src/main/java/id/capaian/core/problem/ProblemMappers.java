package id.capaian.core.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.security.AccessFilter;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves a Capaian service as application/problem+json; only a bug is a 500, and a database the service
 * cannot get a connection to (every one busy, or unreachable) a 503 with Retry-After ({@link Unavailable}).
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What a 503 asks the client to wait before it sends the same request again. */
    static final String RETRY_AFTER_SECONDS = "2";

    private ProblemMappers() {
    }

    static Response respond(Problem problem, UriInfo uri) {
        Response.ResponseBuilder r = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "")));
        if (problem.status() == 401) {
            r.header("WWW-Authenticate", "Bearer realm=\"capaian\"");
        }
        if (problem.status() == 503) {
            r.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return r.build();
    }

    static Problem badToken() {
        return ProblemException.unauthenticated(
                "token tidak sah: kedaluwarsa, tanda tangan salah, atau penerbit tidak dipercaya").problem();
    }

    /** A token that is present but expired, badly signed or unreadable (checked lazily, when first needed). */
    @Provider
    public static class BadToken implements ExceptionMapper<AuthenticationFailedException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return respond(badToken(), uri);
        }
    }

    /**
     * 415 is decided while the request is matched to its method, before AccessFilter runs: authentication
     * comes first, so an /api request without a valid token gets AccessFilter's 401 instead (an anonymous
     * caller learns nothing about the operation). The identity is resolved without blocking: matching may
     * fail on the I/O thread.
     */
    public static class UnsupportedMediaType {
        @Inject CurrentIdentityAssociation identities;

        @ServerExceptionMapper
        public Uni<Response> toResponse(NotSupportedException e, UriInfo uri) {
            if (!uri.getPath().startsWith("/api/")) {
                return Uni.createFrom().item(http(e, uri));
            }
            return identities.getDeferredIdentity()
                    .map(id -> id.isAnonymous()
                            ? respond(ProblemException.unauthenticated(AccessFilter.NO_TOKEN).problem(), uri)
                            : http(e, uri))
                    .onFailure(AuthenticationFailedException.class).recoverWithItem(() -> respond(badToken(), uri));
        }
    }

    @Provider
    public static class Refusals implements ExceptionMapper<ProblemException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            return respond(e.problem(), uri);
        }
    }

    /** Bodies that are not JSON, or whose values have the wrong type: 400 naming the field. */
    static Problem unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "body";
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "isian tidak dikenal: " + u.getPropertyName();
        } else if (e instanceof InvalidFormatException f) {
            message = "nilai " + f.getValue() + " bukan " + f.getTargetType().getSimpleName();
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "tipe salah, diharapkan " + m.getTargetType().getSimpleName();
        } else {
            message = "bukan JSON yang sah: " + e.getOriginalMessage();
        }
        return ProblemException.badRequest(field, message).problem();
    }

    private static String path(JsonMappingException m) {
        String p = m.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return p.isEmpty() ? "body" : p.replaceFirst("^\\.", "");
    }

    // One provider per exception type that Quarkus REST maps itself, so that ours, not its plain JSON, answers.

    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonProcessingException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(JsonProcessingException e) {
            return respond(unreadable(e), uri);
        }
    }

    @Provider
    public static class NotJson implements ExceptionMapper<StreamReadException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(StreamReadException e) {
            return respond(unreadable(e), uri);
        }
    }

    @Provider
    public static class WrongType implements ExceptionMapper<MismatchedInputException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(MismatchedInputException e) {
            return respond(unreadable(e), uri);
        }
    }

    /** Framework refusals (404 path, 405, 406, 413, 415): same shape as ours. */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            return http(e, uri);
        }
    }

    static Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException j) {
            return respond(unreadable(j), uri); // Quarkus REST wraps some parse errors in a 400
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.Status s = Response.Status.fromStatusCode(status);
        String title = s == null ? "HTTP " + status : s.getReasonPhrase();
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Problem p = new Problem("/problems/" + slug, title, status, e.getMessage(), null, List.<FieldError>of());
        return respond(p, uri);
    }

    /** A bug. Logged with its stack; the client sees a problem without internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof ProblemException p) {
                return respond(p.problem(), uri);
            }
            if (e instanceof WebApplicationException w) {
                return http(w, uri);
            }
            if (Unavailable.database(e)) {
                LOG.warnf("database unavailable, answered 503: %s", e.getMessage());
                return respond(Unavailable.problem(), uri);
            }
            LOG.error("unexpected error", e);
            return respond(new Problem("/problems/kesalahan-internal", "Kesalahan internal", 500,
                    "Terjadi kesalahan yang tidak terduga; sudah dicatat.", null, List.of()), uri);
        }
    }
}
