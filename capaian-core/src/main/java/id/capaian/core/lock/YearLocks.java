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
import java.sql.Connection;
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

    /**
     * Refuses (409) a write to a locked scope; called first in every write transaction. Answers the OPD's closed
     * months, against which a write of monthly values checks each of its months ({@link Penutupan#ensureOpen}): one
     * advisory lock and one query per write, however many months it holds.
     */
    @Transactional(TxType.MANDATORY)
    public Penutupan ensureOpen(String pemda, int tahun, String opd) {
        List<YearLock> locks = new ArrayList<>();
        Penutupan[] closed = {Penutupan.open(pemda, tahun, opd)};
        session().doWork(conn -> {
            // Its own statement before the read: a READ COMMITTED statement sees what committed before it began.
            advisoryLock(conn, pemda, tahun, false);
            // The year's locks of this scope (the year's own first) and the OPD's closing, in one statement.
            try (PreparedStatement s = conn.prepareStatement("""
                    SELECT 0 AS sampai_bulan, pemda, tahun, opd, alasan, oleh, nama, sejak FROM year_lock
                    WHERE pemda = ? AND tahun = ? AND opd IN ('', ?)
                    UNION ALL
                    SELECT sampai_bulan, pemda, tahun, opd, alasan, oleh, nama, sejak FROM penutupan
                    WHERE pemda = ? AND tahun = ? AND opd = ?
                    ORDER BY sampai_bulan, opd""")) {
                for (int i = 0; i < 2; i++) {
                    s.setString(3 * i + 1, pemda);
                    s.setInt(3 * i + 2, tahun);
                    s.setString(3 * i + 3, opd);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int sampai = r.getInt("sampai_bulan");
                        if (sampai == 0) { // penutupan holds 1..12
                            locks.add(read(r));
                        } else {
                            closed[0] = closing(r, pemda, tahun, opd);
                        }
                    }
                }
            }
        });
        if (!locks.isEmpty()) {
            throw locked(locks.get(0));
        }
        return closed[0];
    }

    /**
     * Refuses (409) a write of month {@code bulan} of an OPD: the year lock first, then the months closed
     * by a quarter's evaluation ({@link Penutupan}). Called first in every write of one month's values.
     */
    @Transactional(TxType.MANDATORY)
    public void ensureOpen(String pemda, int tahun, String opd, int bulan) {
        ensureOpen(pemda, tahun, opd).ensureOpen(bulan);
    }

    /** The months closed for one OPD (sampaiBulan 0 when none). */
    @Transactional
    public Penutupan penutupan(String pemda, int tahun, String opd) {
        Penutupan[] p = {Penutupan.open(pemda, tahun, opd)};
        session().doWork(conn -> {
            try (PreparedStatement s = conn.prepareStatement(
                    "SELECT sampai_bulan, alasan, oleh, nama, sejak FROM penutupan WHERE pemda = ? AND tahun = ? AND opd = ?")) {
                s.setString(1, pemda);
                s.setInt(2, tahun);
                s.setString(3, opd);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        p[0] = closing(r, pemda, tahun, opd);
                    }
                }
            }
        });
        return p[0];
    }

    /** A penutupan row (columns sampai_bulan, alasan, oleh, nama, sejak) of one OPD. */
    private static Penutupan closing(ResultSet r, String pemda, int tahun, String opd) throws SQLException {
        return new Penutupan(pemda, tahun, opd, r.getInt("sampai_bulan"), r.getString("alasan"), r.getString("oleh"),
                r.getString("nama"), r.getObject("sejak", OffsetDateTime.class));
    }

    /** Reads and validates a closing request: 422 naming the field, nothing changed. */
    public static void validate(PenutupanRequest r, Penutupan current) {
        if (r == null) {
            throw ProblemException.badRequest("body", "diharapkan {\"sampaiBulan\": 0..12, \"alasan\": ...}");
        }
        Violations v = new Violations();
        if (v.check(r.sampaiBulan() != null, "sampaiBulan", "wajib diisi: 0 sampai 12")) {
            v.check(r.sampaiBulan() >= 0 && r.sampaiBulan() <= 12, "sampaiBulan", "harus 0 sampai 12");
        }
        if (current != null && r.sampaiBulan() != null && r.sampaiBulan() < current.sampaiBulan()) {
            v.check(r.alasan() != null && !r.alasan().isBlank(), "alasan", "wajib diisi untuk membuka kembali bulan");
        }
        v.check(r.alasan() == null || r.alasan().length() <= ALASAN_MAX, "alasan", "paling panjang " + ALASAN_MAX);
        v.throwIfAny();
    }

    /**
     * Closes months 1..sampaiBulan of one OPD (0 reopens all), serialized with the writes like a year lock.
     * Idempotent: the state it already has changes nothing and is not audited again.
     */
    @Transactional
    public Penutupan tutup(String pemda, int tahun, String opd, PenutupanRequest r) {
        query(pemda, tahun, true); // waits for the writes in flight, as a lock change does
        Penutupan current = penutupan(pemda, tahun, opd);
        validate(r, current);
        if (r.sampaiBulan() == current.sampaiBulan()) {
            return current;
        }
        Caller who = callers.current();
        String alasan = r.alasan() == null || r.alasan().isBlank() ? null : r.alasan().strip();
        if (r.sampaiBulan() == 0) {
            em.createNativeQuery("DELETE FROM penutupan WHERE pemda = :pemda AND tahun = :tahun AND opd = :opd")
                    .setParameter("pemda", pemda).setParameter("tahun", tahun).setParameter("opd", opd).executeUpdate();
        } else {
            em.createNativeQuery("""
                    INSERT INTO penutupan (pemda, tahun, opd, sampai_bulan, alasan, oleh, nama, sejak)
                    VALUES (:pemda, :tahun, :opd, :bulan, :alasan, :oleh, :nama, now())
                    ON CONFLICT (pemda, tahun, opd) DO UPDATE SET sampai_bulan = EXCLUDED.sampai_bulan,
                        alasan = EXCLUDED.alasan, oleh = EXCLUDED.oleh, nama = EXCLUDED.nama, sejak = EXCLUDED.sejak""")
                    .setParameter("pemda", pemda).setParameter("tahun", tahun).setParameter("opd", opd)
                    .setParameter("bulan", r.sampaiBulan()).setParameter("alasan", alasan)
                    .setParameter("oleh", who.subject()).setParameter("nama", who.name()).executeUpdate();
        }
        // Reopening everything deletes the row: the audit still records who reopened it, when and why.
        Penutupan after = r.sampaiBulan() == 0
                ? new Penutupan(pemda, tahun, opd, 0, alasan, who.subject(), who.name(), OffsetDateTime.now())
                : penutupan(pemda, tahun, opd);
        audit.record(new Change(r.sampaiBulan() > current.sampaiBulan() ? "penutupan.tutup" : "penutupan.buka",
                pemda, tahun, opd, null, "penutupan", current, after));
        return after;
    }

    @Transactional
    public List<YearLock> list(String pemda, int tahun) {
        return query(pemda, tahun, false);
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
     * The locks of a pemda-year; for a lock change ({@code exclusively}) after taking its advisory lock exclusively,
     * else read without it (a write's check is {@link #ensureOpen}).
     */
    private List<YearLock> query(String pemda, int tahun, boolean exclusively) {
        List<YearLock> locks = new ArrayList<>();
        session().doWork(conn -> {
            if (exclusively) {
                advisoryLock(conn, pemda, tahun, true);
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

    /** Takes the pemda-year's advisory lock until the transaction ends: shared for a write, exclusive for a lock change. */
    private static void advisoryLock(Connection conn, String pemda, int tahun, boolean exclusive) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement(exclusive
                ? "SELECT pg_advisory_xact_lock(?, hashtext(? || '/' || ?))"
                : "SELECT pg_advisory_xact_lock_shared(?, hashtext(? || '/' || ?))")) {
            s.setInt(1, LOCK_CLASS);
            s.setString(2, pemda);
            s.setInt(3, tahun);
            s.execute();
        }
    }

    private static YearLock read(ResultSet r) throws SQLException {
        return row(r.getString("pemda"), r.getInt("tahun"), r.getString("opd"), r.getString("alasan"), r.getString("oleh"),
                r.getString("nama"), r.getObject("sejak", OffsetDateTime.class));
    }

    /**
     * A row of table year_lock as a {@link YearLock}: its opd '' (the whole year) is null. For a reader that selects
     * the row in a statement of its own (e.g. a report's one query), as {@link #list} would read it.
     */
    public static YearLock row(String pemda, int tahun, String opd, String alasan, String oleh, String nama,
            OffsetDateTime sejak) {
        return new YearLock(pemda, tahun, opd.isEmpty() ? null : opd, alasan, oleh, nama, sejak);
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
