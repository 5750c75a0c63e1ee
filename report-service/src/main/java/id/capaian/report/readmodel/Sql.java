package id.capaian.report.readmodel;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.hibernate.JDBCException;

/**
 * Set-based statements over the transaction's own JDBC connection: a batch's rows go in as one array per column
 * (unnest), so that one statement writes them all, whatever their number.
 */
final class Sql {

    private Sql() {
    }

    static int update(Connection c, String sql, Object... params) {
        try (PreparedStatement st = prepare(c, sql, params)) {
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new JDBCException("batch statement failed", e, sql);
        }
    }

    static List<Object[]> query(Connection c, String sql, Object... params) {
        try (PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
            List<Object[]> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] r = new Object[n];
                for (int i = 0; i < n; i++) {
                    r[i] = rs.getObject(i + 1);
                }
                rows.add(r);
            }
            return rows;
        } catch (SQLException e) {
            throw new JDBCException("batch query failed", e, sql);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }

    static <T> Array texts(Connection c, Collection<T> rows, Function<T, String> column) {
        return array(c, "text", rows.stream().map(column).toArray(String[]::new));
    }

    static <T> Array longs(Connection c, Collection<T> rows, ToLongFunction<T> column) {
        return array(c, "int8", rows.stream().map(r -> column.applyAsLong(r)).toArray(Long[]::new));
    }

    static <T> Array ints(Connection c, Collection<T> rows, ToIntFunction<T> column) {
        return array(c, "int4", rows.stream().map(r -> column.applyAsInt(r)).toArray(Integer[]::new));
    }

    static <T> Array numbers(Connection c, Collection<T> rows, Function<T, BigDecimal> column) {
        return array(c, "numeric", rows.stream().map(column).toArray(BigDecimal[]::new));
    }

    private static Array array(Connection c, String type, Object[] values) {
        try {
            return c.createArrayOf(type, values);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
