package id.capaian.core.problem;

import java.sql.SQLException;
import java.util.List;
import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * A request that found no database connection: every pooled connection busy past the acquisition timeout (load), or
 * the database unreachable. Neither is a bug in the request or in the service. The transaction did not commit (or,
 * if the connection broke during its commit, its outcome is unknown), and every write is idempotent, so the client is
 * told to send the same request again: 503 with Retry-After, not a 500 logged with its stack.
 */
final class Unavailable {

    /** Hibernate's fixed message when the connection provider gives no connection. */
    private static final String NO_CONNECTION = "Unable to acquire JDBC Connection";
    /** Agroal's, to code that takes a connection from the pool itself (plain JDBC reads). */
    private static final String POOL_TIMEOUT = "Sorry, acquisition timeout!";

    private Unavailable() {
    }

    static boolean database(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof JDBCException j && j.getMessage() != null && j.getMessage().startsWith(NO_CONNECTION)) {
                return true;
            }
            if (t instanceof SQLException s && (POOL_TIMEOUT.equals(s.getMessage())
                    || s.getSQLState() != null && s.getSQLState().startsWith("08"))) {
                return true; // SQLSTATE class 08: connection exception
            }
        }
        return false;
    }

    static Problem problem() {
        return new ProblemException(503, "layanan-tidak-tersedia", "Layanan tidak tersedia",
                "basis data layanan sedang penuh atau tidak terjangkau; kirim ulang permintaan yang sama",
                List.of()).problem();
    }
}
