package id.capaian.core.security;

import static id.capaian.core.security.Role.ADMIN;
import static id.capaian.core.security.Role.INTEGRASI;
import static id.capaian.core.security.Role.OPERATOR;
import static id.capaian.core.security.Role.VERIFIKATOR;

/**
 * What an operation does, and the one rule of who may do it. {@code pemda} and {@code opd} are the
 * scope the request names in its path ({@code opd} null for a whole pemda-year).
 */
public enum Action {
    /** Read anything of a pemda: every role of that pemda. */
    READ {
        @Override
        public boolean allows(Caller c, String pemda, String opd) {
            return !c.roles().isEmpty() && c.actsFor(pemda);
        }
    },
    /** Change one item of an OPD's data: its own operator, or an admin. */
    WRITE {
        @Override
        public boolean allows(Caller c, String pemda, String opd) {
            return opd != null && (c.has(OPERATOR) && c.ownOpd(pemda, opd) || c.has(ADMIN) && c.actsFor(pemda));
        }
    },
    /** Bulk upserts and imports of an OPD's data: as {@link #WRITE}, and integration tokens within their claims. */
    BULK_WRITE {
        @Override
        public boolean allows(Caller c, String pemda, String opd) {
            return WRITE.allows(c, pemda, opd) || opd != null && c.has(INTEGRASI) && c.covers(pemda, opd);
        }
    },
    /** Annotate a row of the report: the OPD's own operator, Bappeda's verifikator, an admin. */
    ANNOTATE {
        @Override
        public boolean allows(Caller c, String pemda, String opd) {
            return opd != null && c.has(OPERATOR) && c.ownOpd(pemda, opd)
                    || (c.has(VERIFIKATOR) || c.has(ADMIN)) && c.actsFor(pemda);
        }
    },
    /** Lock or unlock a year (or one OPD of it): verifikator and admin of the pemda. */
    LOCK {
        @Override
        public boolean allows(Caller c, String pemda, String opd) {
            return (c.has(VERIFIKATOR) || c.has(ADMIN)) && c.actsFor(pemda);
        }
    },
    /** Operate the service itself (rebuild a read model): an admin. */
    OPERATE {
        @Override
        public boolean allows(Caller c, String pemda, String opd) {
            return c.has(ADMIN);
        }
    };

    public abstract boolean allows(Caller caller, String pemda, String opd);
}
