package id.capaian.report.owners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.problem.Problem.FieldError;
import io.quarkus.arc.Arc;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An owner service answered an error status; carries its problem details as far as it gave them. */
public class OwnerFailure extends RuntimeException {

    /** Statuses whose meaning is the client's (token, scope, lock), passed on as they are. */
    public static final Set<Integer> PASSED_ON = Set.of(401, 403, 409);

    private final String service;
    private final int status;
    private final String type;
    private final String title;
    private final String ownerDetail;
    private final transient List<FieldError> errors;
    private final int errorsOmitted;

    OwnerFailure(String service, int status, String type, String title, String detail, List<FieldError> errors) {
        this(service, status, type, title, detail, errors, 0);
    }

    OwnerFailure(String service, int status, String type, String title, String detail, List<FieldError> errors,
            int errorsOmitted) {
        super(service + " answered " + status + " " + type + ": " + detail);
        this.service = service;
        this.status = status;
        this.type = type;
        this.title = title;
        this.ownerDetail = detail;
        this.errors = List.copyOf(errors);
        this.errorsOmitted = errorsOmitted;
    }

    /**
     * Reads the owner's answer: RFC 9457 problem+json when it is one, else its first 300 characters. Called from the
     * REST clients' {@code @ClientExceptionMapper}, which must be static: the application's mapper is looked up.
     */
    static OwnerFailure of(String service, Response response) {
        return of(service, response, Arc.container().instance(ObjectMapper.class).get());
    }

    static OwnerFailure of(String service, Response response, ObjectMapper json) {
        String body = "";
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            body = "";
        }
        try {
            JsonNode p = body.isBlank() ? null : json.readTree(body);
            if (p != null && p.isObject() && (p.has("type") || p.has("title"))) {
                List<FieldError> errors = new ArrayList<>();
                for (JsonNode e : p.path("errors")) {
                    errors.add(new FieldError(e.path("field").asText(""), e.path("message").asText("")));
                }
                return new OwnerFailure(service, response.getStatus(), p.path("type").asText(null),
                        p.path("title").asText(null), p.path("detail").asText(null), errors, p.path("errorsOmitted").asInt(0));
            }
        } catch (Exception notJson) {
            // fall through: not a problem document
        }
        String excerpt = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        return new OwnerFailure(service, response.getStatus(), null, null, excerpt.isBlank() ? null : excerpt, List.of());
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The owner's problem type without its /problems/ prefix, or a generic one for the status. */
    public String slug() {
        if (type != null && type.matches("/problems/[a-z0-9-]+")) {
            return type.substring("/problems/".length());
        }
        return switch (status) {
            case 401 -> "tidak-terautentikasi";
            case 403 -> "akses-ditolak";
            case 409 -> "konflik";
            default -> "layanan-gagal";
        };
    }

    public String title() {
        return title;
    }

    public String ownerDetail() {
        return ownerDetail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** How many faults the owner found beyond the ones it listed. */
    public int errorsOmitted() {
        return errorsOmitted;
    }
}
