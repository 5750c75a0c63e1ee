package id.capaian.core.security;

import static id.capaian.core.security.Role.ADMIN;
import static id.capaian.core.security.Role.INTEGRASI;
import static id.capaian.core.security.Role.OPERATOR;
import static id.capaian.core.security.Role.PLATFORM;
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
    /**
     * Operate the service itself, across every pemda (check or rebuild the read model): the platform role only;
     * a pemda's admin may not, as that would read and lock other pemdas' data.
     */
    OPERATE {
        @Override
        public boolean allows(Caller c, String pemda, String opd) {
            return c.has(PLATFORM);
        }
    },
    /**
     * Repair one pemda-year after a restore (re-publish its state, read it as events carry it, compare the read model
     * with the owners): the pemda's admin, or the platform role; scoped to the pemda in the path.
     */
    REPAIR {
        @Override
        public boolean allows(Caller c, String pemda, String opd) {
            return c.has(PLATFORM) || c.has(ADMIN) && c.actsFor(pemda);
        }
    };

    public abstract boolean allows(Caller caller, String pemda, String opd);

    /** The roles that may perform it somewhere (the OpenAPI document's {@code x-roles}). */
    public java.util.List<Role> roles() {
        return switch (this) {
            case READ -> java.util.List.of(OPERATOR, VERIFIKATOR, Role.PEMBACA, INTEGRASI, ADMIN);
            case WRITE -> java.util.List.of(OPERATOR, ADMIN);
            case BULK_WRITE -> java.util.List.of(OPERATOR, INTEGRASI, ADMIN);
            case ANNOTATE -> java.util.List.of(OPERATOR, VERIFIKATOR, ADMIN);
            case LOCK -> java.util.List.of(VERIFIKATOR, ADMIN);
            case OPERATE -> java.util.List.of(PLATFORM);
            case REPAIR -> java.util.List.of(ADMIN, PLATFORM);
        };
    }

    /** Who may perform it, in one sentence of the OpenAPI document. */
    public String who() {
        return switch (this) {
            case READ -> "any role (`operator`, `verifikator`, `pembaca`, `integrasi`, `admin`) of the pemda in the path";
            case WRITE -> "`operator` of the OPD in the path, `admin` of the pemda";
            case BULK_WRITE -> "`operator` of the OPD in the path, `integrasi` of the pemda (and of that OPD when its token "
                    + "names one), `admin` of the pemda";
            case ANNOTATE -> "`operator` of the OPD in the path, `verifikator` and `admin` of the pemda";
            case LOCK -> "`verifikator` and `admin` of the pemda in the path";
            case OPERATE -> "`platform` (operates the service for every pemda; a pemda's `admin` may not)";
            case REPAIR -> "`admin` of the pemda in the path, `platform`";
        };
    }
}
