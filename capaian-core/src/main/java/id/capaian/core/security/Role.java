package id.capaian.core.security;

import java.util.Optional;

/** The roles a token may carry (claim {@code roles}); see the README's role table. */
public enum Role {
    /** An agency operator: writes its own pemda+opd only. */
    OPERATOR,
    /** Bappeda: reads its pemda, writes annotations, locks and unlocks a year. */
    VERIFIKATOR,
    /** DPRD, inspectorate: reads its pemda. */
    PEMBACA,
    /** Another government system: bulk upserts and imports within its token's pemda/opd. */
    INTEGRASI,
    /** Everything, for its pemda (but not the operation of the service itself). */
    ADMIN,
    /** Operates the services for every pemda (read-model check and rebuild); reads and writes no pemda's data. */
    PLATFORM;

    public String claim() {
        return name().toLowerCase();
    }

    public static Optional<Role> of(String claim) {
        for (Role r : values()) {
            if (r.claim().equals(claim)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
