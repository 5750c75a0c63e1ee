package id.capaian.core.problem;

import id.capaian.core.problem.Problem.FieldError;
import java.util.List;

/**
 * A refusal that the client can act on. Thrown from domain services; mapped to problem+json with its
 * status. Thrown before anything is written, or inside the transaction it rolls back.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    /** Lists at most {@link Problem#MAX_ERRORS} faults; the count of the rest is said in errorsOmitted. */
    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        this(status, slug, title, detail, errors.size() > Problem.MAX_ERRORS ? errors.subList(0, Problem.MAX_ERRORS) : errors,
                Math.max(0, errors.size() - Problem.MAX_ERRORS));
    }

    /** Lists {@code errors} as given (its thrower capped them) and says that {@code omitted} more were found. */
    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors, int omitted) {
        super(detail);
        this.problem = new Problem("/problems/" + slug, title, status, detail, null, List.copyOf(errors),
                omitted > 0 ? omitted : null);
    }

    public Problem problem() {
        return problem;
    }

    /** Runs one part of a larger write; a refusal it throws names the part ({@link #within(String)}). */
    public static <T> T within(String part, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ProblemException e) {
            throw e.within(part);
        }
    }

    /**
     * The same refusal as a fault of one part of a larger request: every field, and the detail, prefixed with
     * {@code part} ({@code [3].pagu} in part {@code nodes} becomes {@code nodes[3].pagu}).
     */
    public ProblemException within(String part) {
        List<FieldError> errors = new java.util.ArrayList<>();
        for (FieldError f : problem.errors()) {
            String field = f.field() == null || f.field().isEmpty() ? part
                    : f.field().startsWith("[") ? part + f.field() : part + "." + f.field();
            errors.add(new FieldError(field, f.message()));
        }
        String type = problem.type();
        String slug = type != null && type.startsWith("/problems/") ? type.substring("/problems/".length()) : "validasi";
        return new ProblemException(problem.status(), slug, problem.title(), part + ": " + problem.detail(), errors,
                problem.errorsOmitted() == null ? 0 : problem.errorsOmitted());
    }

    /** 400: the request cannot be read (not JSON, wrong types, bad path parameters). */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "permintaan-tidak-valid", "Permintaan tidak valid", message,
                List.of(new FieldError(field, message)));
    }

    /** 400: path or query parameters that cannot be read; every one at fault is listed. */
    public static ProblemException badParameters(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " parameter tidak valid";
        return new ProblemException(400, "permintaan-tidak-valid", "Permintaan tidak valid", detail, errors);
    }

    /** 422: readable but breaks a rule; every field at fault is listed. */
    public static ProblemException invalid(List<FieldError> errors) {
        return errors.size() > Problem.MAX_ERRORS
                ? invalid(errors.subList(0, Problem.MAX_ERRORS), errors.size() - Problem.MAX_ERRORS) : invalid(errors, 0);
    }

    /** 422 of {@code errors} and {@code omitted} more faults that were counted but not kept. */
    public static ProblemException invalid(List<FieldError> errors, int omitted) {
        int total = errors.size() + omitted;
        String detail = total == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : total + " isian tidak valid";
        return new ProblemException(422, "validasi", "Data tidak valid", detail, errors, omitted);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** 401: no token, or one that is expired, not signed by the trusted issuer, or unreadable. */
    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "tidak-terautentikasi", "Tidak terautentikasi", detail, List.of());
    }

    /** 403: a valid token whose roles, pemda or opd do not allow this operation on this scope. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "akses-ditolak", "Akses ditolak", detail, List.of());
    }

    /** 404: the thing named in the path does not exist. */
    public static ProblemException notFound(String what, String field) {
        return new ProblemException(404, "tidak-ditemukan", "Tidak ditemukan", what + " tidak ditemukan",
                field == null ? List.of() : List.of(new FieldError(field, what + " tidak ditemukan")));
    }

    /** 409: the request is valid but conflicts with the current state. */
    public static ProblemException conflict(String slug, String title, String field, String detail) {
        return new ProblemException(409, slug, title, detail, List.of(new FieldError(field, detail)));
    }
}
