package id.capaian.core.security;

import java.util.Set;

/**
 * Who sends the request, as its verified token says: subject, display name, roles, and the pemda (and,
 * for agency users, the opd) it acts for. Anonymous when no token came.
 */
public record Caller(String subject, String name, Set<Role> roles, String pemda, String opd) {

    public static final Caller ANONYMOUS = new Caller(null, null, Set.of(), null, null);

    public boolean anonymous() {
        return subject == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean actsFor(String pemda) {
        return this.pemda != null && this.pemda.equals(pemda);
    }

    /** Same pemda, and the same opd when the token names one (an integration token may cover its whole pemda). */
    public boolean covers(String pemda, String opd) {
        return actsFor(pemda) && (this.opd == null || this.opd.equals(opd));
    }

    /** Same pemda and exactly this opd: what an agency operator needs. */
    public boolean ownOpd(String pemda, String opd) {
        return actsFor(pemda) && this.opd != null && this.opd.equals(opd);
    }
}
