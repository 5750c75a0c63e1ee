package id.capaian.budget.domain;

/** What applying a value to stored state did: nothing, created it, or changed it. */
public enum Outcome {
    UNCHANGED, CREATED, UPDATED;

    public boolean changed() {
        return this != UNCHANGED;
    }
}
