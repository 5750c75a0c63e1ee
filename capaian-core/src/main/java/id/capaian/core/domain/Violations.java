package id.capaian.core.domain;

import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** Collects every fault of a request before anything is written, then refuses them all at once (422). */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();
    /** Faults found beyond the ones kept: a hostile request cannot make the answer (or this list) grow without bound. */
    private int omitted;
    private final int keep;

    /** Keeps at most {@link id.capaian.core.problem.Problem#MAX_ERRORS} faults and counts the rest. */
    public Violations() {
        this(id.capaian.core.problem.Problem.MAX_ERRORS);
    }

    /** Keeps at most {@code keep} faults and counts the rest. */
    public Violations(int keep) {
        this.keep = keep;
    }

    public Violations add(String field, String message) {
        if (errors.size() < keep) {
            errors.add(new FieldError(field, message));
        } else {
            omitted++;
        }
        return this;
    }

    /** How many faults were counted but not kept (beyond the number kept). */
    public int omitted() {
        return omitted;
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
            throw ProblemException.invalid(errors, omitted);
        }
    }

    /** 400 with every fault: path or query parameters that cannot be read. */
    public void throwIfAnyParameter() {
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
    }
}
