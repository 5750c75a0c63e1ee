package id.capaian.core.persistence;

import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Rows written with one statement from one array per column ({@code … FROM unnest(arrays) AS u(columns)}), for a
 * repository's bulk writes: one statement whatever the number of rows, where Hibernate's flush sends one UPDATE
 * per row. A repository names each column once ({@link #column}); the statement takes {@link #unnest()} as its row
 * source and the arrays as its parameters, in that order.
 *
 * <p>For a few rows Hibernate's own flush costs less (no arrays to build, no extra flush before the statement): a
 * repository writes set-based only from {@link #FEWEST} rows ({@link #pays}), so that a write of a few rows (one
 * node, one cash plan) keeps Hibernate's batched flush and the imports get one statement per table. (The single
 * realization PUT, the most frequent write, bypasses both: its repositories read and write it with plain JDBC.)
 */
public final class ArrayRows<T> {

    /**
     * From this many rows a set-based statement pays. Measured for one row: the set-based path (a flush, building
     * the arrays, one statement) cost the single realization PUT (session 8, when it still went through Hibernate)
     * 7-10% of its rate against Hibernate's batched flush.
     */
    public static final int FEWEST = 4;

    private final List<T> rows;
    private final List<String> names = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<Object[]> arrays = new ArrayList<>();

    private ArrayRows(List<T> rows) {
        this.rows = rows;
    }

    public static <T> ArrayRows<T> of(List<T> rows) {
        return new ArrayRows<>(rows);
    }

    /** Whether {@code rows} rows are worth one set-based statement rather than Hibernate's flush. */
    public static boolean pays(int rows) {
        return rows >= FEWEST;
    }

    /**
     * Adds a column: its name in {@link #unnest()}'s alias list, its PostgreSQL element type ({@code bigint},
     * {@code text}, {@code numeric}, {@code boolean}, {@code integer}), its Java element type and its value per row.
     */
    public <E> ArrayRows<T> column(String name, String sqlType, Class<E> javaType, Function<? super T, ? extends E> value) {
        @SuppressWarnings("unchecked")
        E[] a = (E[]) Array.newInstance(javaType, rows.size());
        for (int i = 0; i < a.length; i++) {
            a[i] = value.apply(rows.get(i));
        }
        names.add(name);
        types.add(sqlType);
        arrays.add(a);
        return this;
    }

    /** {@code unnest(CAST(? AS bigint[]), …) AS u(id, …)}: the rows as a table named {@code u}. */
    public String unnest() {
        return "unnest(" + casts() + ") AS u(" + String.join(", ", names) + ")";
    }

    /**
     * As {@link #unnest()}, with each row's position (1, 2, …) as a last column {@code n}: for an INSERT whose rows
     * must take their generated ids in the given order ({@code … ORDER BY u.n}).
     */
    public String unnestNumbered() {
        return "unnest(" + casts() + ") WITH ORDINALITY AS u(" + String.join(", ", names) + ", n)";
    }

    private String casts() {
        List<String> casts = new ArrayList<>();
        for (String t : types) {
            casts.add("CAST(? AS " + t + "[])");
        }
        return String.join(", ", casts);
    }

    /**
     * Executes {@code sql} (an UPDATE from {@link #unnest()} that matches each row once) on the session's
     * connection and fails unless every row was updated: a row missing means the caller's state is not stored, and
     * the transaction must not commit.
     */
    public void updateEach(Session session, String table, String sql) {
        session.doWork(conn -> {
            try (PreparedStatement s = prepare(conn, sql)) {
                int updated = s.executeUpdate();
                if (updated != rows.size()) {
                    throw new IllegalStateException(table + ": " + updated + " of " + rows.size() + " rows updated");
                }
            }
        });
    }

    /** Executes {@code sql} (an INSERT or upsert from {@link #unnest()}) on the session's connection. */
    public void execute(Session session, String sql) {
        session.doWork(conn -> {
            try (PreparedStatement s = prepare(conn, sql)) {
                s.executeUpdate();
            }
        });
    }

    /** Executes {@code sql} (an INSERT … RETURNING from {@link #unnest()}) and hands each returned row to {@code each}. */
    public void insertReturning(Session session, String sql, RowReader each) {
        session.doWork(conn -> {
            try (PreparedStatement s = prepare(conn, sql); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    each.read(r);
                }
            }
        });
    }

    /** Reads one returned row. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    private PreparedStatement prepare(Connection conn, String sql) throws SQLException {
        PreparedStatement s = conn.prepareStatement(sql);
        try {
            for (int i = 0; i < arrays.size(); i++) {
                s.setArray(i + 1, conn.createArrayOf(types.get(i), arrays.get(i)));
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
