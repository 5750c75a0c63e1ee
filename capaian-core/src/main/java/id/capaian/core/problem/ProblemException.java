package id.capaian.core.problem;

import id.capaian.core.problem.Problem.FieldError;
import java.util.List;

/**
 * A refusal that the client can act on. Thrown from domain services; mapped to problem+json with its
 * status. Thrown before anything is written, or inside the transaction it rolls back.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.problem = new Problem("/problems/" + slug, title, status, detail, null, List.copyOf(errors));
    }

    public Problem problem() {
        return problem;
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
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " isian tidak valid";
        return new ProblemException(422, "validasi", "Data tidak valid", detail, errors);
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
