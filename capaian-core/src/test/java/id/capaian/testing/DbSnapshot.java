package id.capaian.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Every row of every table of a service's database, as text: equal snapshots mean nothing was written.
 * Tables that change on their own (the outbox, marked as its rows are published) count only their rows.
 */
public final class DbSnapshot {

    private DbSnapshot() {
    }

    public static String of(DataSource ds, String... countOnly) {
        Set<String> counted = Set.of(countOnly);
        try (Connection c = ds.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                      AND table_name NOT LIKE 'flyway%' ORDER BY table_name""")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            StringBuilder b = new StringBuilder();
            for (String t : tables) {
                b.append(t).append(':');
                String sql = counted.contains(t) ? "SELECT count(*)::text FROM \"" + t + "\""
                        : "SELECT coalesce(string_agg(x::text, '\\n' ORDER BY x::text), '') FROM \"" + t + "\" x";
                try (ResultSet r = c.createStatement().executeQuery(sql)) {
                    r.next();
                    b.append(r.getString(1)).append('\n');
                }
            }
            return b.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
