package id.capaian.report.kunci;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One lock change of a pemda-year at a time, across every replica of report-service: a PostgreSQL
 * session-level advisory lock on the pemda-year (whole year and every OPD of it), taken on a connection of
 * its own and held across the fan-out to the owners, released when the change ends, failed or not.
 */
@ApplicationScoped
public class LockSerial {

    /** Advisory lock class of lock changes ("CAPK"), apart from the year locks' own class ("CAPA"). */
    static final int LOCK_CLASS = 0x4341504B;

    @Inject DataSource ds;

    public <T> T run(String pemda, int tahun, Supplier<T> change) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            advisory(c, "SELECT pg_advisory_lock(?, hashtext(? || '/' || ?))", pemda, tahun);
            try {
                return change.get();
            } finally {
                advisory(c, "SELECT pg_advisory_unlock(?, hashtext(? || '/' || ?))", pemda, tahun);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("advisory lock of " + pemda + "/" + tahun + " failed", e);
        }
    }

    private static void advisory(Connection c, String sql, String pemda, int tahun) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, LOCK_CLASS);
            s.setString(2, pemda);
            s.setInt(3, tahun);
            s.execute();
        }
    }
}
