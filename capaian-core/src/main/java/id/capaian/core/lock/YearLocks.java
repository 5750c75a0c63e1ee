package id.capaian.core.lock;

import id.capaian.core.audit.AuditTrail;
import id.capaian.core.audit.Change;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.ProblemException;
import id.capaian.core.security.Caller;
import id.capaian.core.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Locks a pemda-year (or one OPD of it) against writes, in this service's own database, where the
 * data is written. Every write transaction first takes a shared advisory lock on its pemda-year and
 * then checks {@code year_lock}; a lock takes the same advisory lock exclusively. So a lock waits for
 * the writes in flight, and no write commits after the lock's commit.
 */
@ApplicationScoped
public class YearLocks {

    /** Advisory lock class of pemda-year locks ("CAPA"); the object is the hash of pemda/tahun. */
    static final int LOCK_CLASS = 0x43415041;
    public static final int ALASAN_MAX = 500;

    @Inject EntityManager em;
    @Inject AuditTrail audit;
    @Inject Callers callers;

    /** Refuses (409) a write to a locked scope; called first in every write transaction. */
    @Transactional(TxType.MANDATORY)
    public void ensureOpen(String pemda, int tahun, String opd) {
        for (YearLock l : query(pemda, tahun, false)) {
            if (l.opd() == null || l.opd().equals(opd)) {
                throw locked(l);
            }
        }
    }

    @Transactional
    public List<YearLock> list(String pemda, int tahun) {
        return query(pemda, tahun, null);
    }

    /** Reads and validates a lock request: 422 naming the field, nothing changed. */
    public static void validate(LockRequest r) {
        if (r == null) {
            throw ProblemException.badRequest("body", "diharapkan {\"terkunci\": true|false, \"opd\": ..., \"alasan\": ...}");
        }
        Violations v = new Violations();
        v.check(r.terkunci() != null, "terkunci", "wajib diisi: true untuk mengunci, false untuk membuka");
        if (r.opd() != null) {
            Rules.opd(v, "opd", r.opd());
        }
        if (Boolean.FALSE.equals(r.terkunci())) {
            v.check(r.alasan() != null && !r.alasan().isBlank(), "alasan", "wajib diisi untuk membuka kunci");
        }
        v.check(r.alasan() == null || r.alasan().length() <= ALASAN_MAX, "alasan", "paling panjang " + ALASAN_MAX);
        v.throwIfAny();
    }

    /**
     * Sets the lock state of the year (opd null) or of one OPD. Idempotent: the state it already has is
     * left alone and not audited again. Returns the locks of the year after the change.
     */
    @Transactional
    public List<YearLock> set(String pemda, int tahun, LockRequest r) {
        validate(r);
        String opd = r.opd() == null ? "" : r.opd();
        YearLock current = query(pemda, tahun, true).stream()
                .filter(l -> (l.opd() == null ? "" : l.opd()).equals(opd)).findFirst().orElse(null);
        boolean lock = r.terkunci();
        if (lock == (current != null)) {
            return list(pemda, tahun);
        }
        Caller who = callers.current();
        String alasan = r.alasan() == null || r.alasan().isBlank() ? null : r.alasan().strip();
        YearLock after = lock ? new YearLock(pemda, tahun, r.opd(), alasan, who.subject(), who.name(), null) : null;
        session().doWork(conn -> {
            String sql = lock
                    ? "INSERT INTO year_lock (pemda, tahun, opd, alasan, oleh, nama, sejak) VALUES (?, ?, ?, ?, ?, ?, now())"
                    : "DELETE FROM year_lock WHERE pemda = ? AND tahun = ? AND opd = ?";
            try (PreparedStatement s = conn.prepareStatement(sql)) {
                s.setString(1, pemda);
                s.setInt(2, tahun);
                s.setString(3, opd);
                if (lock) {
                    s.setString(4, alasan);
                    s.setString(5, who.subject());
                    s.setString(6, who.name());
                }
                s.executeUpdate();
            }
        });
        audit.record(new Change(lock ? "kunci.pasang" : "kunci.buka", pemda, tahun, r.opd(), null, "kunci",
                current, lock ? after : new Unlock(alasan)));
        return list(pemda, tahun);
    }

    /** What an unlock records as its "after": the reason given. */
    public record Unlock(String alasan) {
    }

    /**
     * The locks of a pemda-year, after taking its advisory lock: shared for a write's check (null: read
     * only, no lock), exclusive for a lock change.
     */
    private List<YearLock> query(String pemda, int tahun, Boolean exclusive) {
        List<YearLock> locks = new ArrayList<>();
        session().doWork(conn -> {
            if (exclusive != null) {
                try (PreparedStatement s = conn.prepareStatement(exclusive
                        ? "SELECT pg_advisory_xact_lock(?, hashtext(? || '/' || ?))"
                        : "SELECT pg_advisory_xact_lock_shared(?, hashtext(? || '/' || ?))")) {
                    s.setInt(1, LOCK_CLASS);
                    s.setString(2, pemda);
                    s.setInt(3, tahun);
                    s.execute();
                }
            }
            try (PreparedStatement s = conn.prepareStatement(
                    "SELECT * FROM year_lock WHERE pemda = ? AND tahun = ? ORDER BY opd")) {
                s.setString(1, pemda);
                s.setInt(2, tahun);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        locks.add(read(r));
                    }
                }
            }
        });
        return locks;
    }

    private static YearLock read(ResultSet r) throws SQLException {
        String opd = r.getString("opd");
        return new YearLock(r.getString("pemda"), r.getInt("tahun"), opd.isEmpty() ? null : opd, r.getString("alasan"),
                r.getString("oleh"), r.getString("nama"), r.getObject("sejak", OffsetDateTime.class));
    }

    private static ProblemException locked(YearLock l) {
        String scope = "tahun " + l.tahun() + " pemda " + l.pemda() + (l.opd() == null ? "" : " untuk OPD " + l.opd());
        String by = l.nama() != null ? l.nama() : l.oleh();
        return ProblemException.conflict("tahun-terkunci", "Tahun terkunci", l.opd() == null ? "tahun" : "opd",
                "Data " + scope + " sudah final: dikunci oleh " + by + " sejak " + l.sejak()
                        + (l.alasan() == null ? "" : " (" + l.alasan() + ")")
                        + "; verifikator dapat membuka kuncinya dengan alasan");
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
