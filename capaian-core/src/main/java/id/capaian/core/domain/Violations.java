package id.capaian.core.domain;

import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** Collects every fault of a request before anything is written, then refuses them all at once (422). */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Records the fault unless {@code ok}; returns {@code ok} so that dependent checks can be skipped. */
    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return ok;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** 422 with every fault: a readable request that breaks rules. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** 400 with every fault: path or query parameters that cannot be read. */
    public void throwIfAnyParameter() {
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
    }
}
