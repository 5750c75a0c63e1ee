package id.capaian.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import id.capaian.core.persistence.ArrayRows;
import id.capaian.core.persistence.DryRun;
import id.capaian.core.security.Caller;
import id.capaian.core.security.Callers;
import id.capaian.core.security.Role;
import io.opentelemetry.api.trace.Span;
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
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * The append-only record of every committed change of this service's data (table {@code audit_trail}).
 * {@link #record} runs inside the change's own transaction, so an entry exists exactly when its change
 * does; the caller is taken from the request's token.
 */
@ApplicationScoped
public class AuditTrail {

    /** Which entries a query wants; null fields do not filter. */
    public record Filter(String pemda, int tahun, String opd, String kode, String pelaku) {
    }

    @Inject EntityManager em;
    @Inject Callers callers;
    @Inject ObjectMapper json;
    @Inject DryRun dryRun;

    @Transactional(TxType.MANDATORY)
    public void record(Change c) {
        recordAll(List.of(c));
    }

    /**
     * Records every change, in the given order: a few with one batched INSERT, a bulk write's many with one INSERT
     * from arrays ({@link ArrayRows}); nothing in a {@link DryRun}, whose rollback would discard it.
     */
    @Transactional(TxType.MANDATORY)
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty() || dryRun.active()) {
            return;
        }
        Caller who = callers.current();
        String trace = Span.current().getSpanContext().isValid() ? Span.current().getSpanContext().getTraceId() : null;
        String pelaku = who.anonymous() ? "anonim" : who.subject();
        String peran = String.join(",", who.roles().stream().map(Role::claim).sorted().toList());
        if (ArrayRows.pays(changes.size())) { // an import's hundreds of entries: one statement
            ArrayRows<Change> rows = ArrayRows.of(changes)
                    .column("pelaku", "text", String.class, c -> pelaku)
                    .column("nama", "text", String.class, c -> who.name())
                    .column("peran", "text", String.class, c -> peran)
                    .column("aksi", "text", String.class, Change::aksi)
                    .column("pemda", "text", String.class, Change::pemda)
                    .column("tahun", "integer", Integer.class, Change::tahun)
                    .column("opd", "text", String.class, Change::opd)
                    .column("kode", "text", String.class, Change::kode)
                    .column("entitas", "text", String.class, Change::entitas)
                    .column("sebelum", "text", String.class, c -> toJson(c.sebelum()))
                    .column("sesudah", "text", String.class, c -> toJson(c.sesudah()))
                    .column("trace_id", "text", String.class, c -> trace);
            rows.execute(session(), """
                    INSERT INTO audit_trail (waktu, pelaku, nama, peran, aksi, pemda, tahun, opd, kode, entitas,
                                             sebelum, sesudah, trace_id)
                    SELECT now(), pelaku, nama, peran, aksi, pemda, tahun, opd, kode, entitas,
                           CAST(sebelum AS jsonb), CAST(sesudah AS jsonb), trace_id
                    FROM %s ORDER BY u.n""".formatted(rows.unnestNumbered()));
            return;
        }
        session().doWork(conn -> {
            try (PreparedStatement s = conn.prepareStatement("""
                    INSERT INTO audit_trail (waktu, pelaku, nama, peran, aksi, pemda, tahun, opd, kode, entitas,
                                             sebelum, sesudah, trace_id)
                    VALUES (now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)""")) {
                for (Change c : changes) {
                    s.setString(1, pelaku);
                    s.setString(2, who.name());
                    s.setString(3, peran);
                    s.setString(4, c.aksi());
                    s.setString(5, c.pemda());
                    s.setInt(6, c.tahun());
                    s.setString(7, c.opd());
                    s.setString(8, c.kode());
                    s.setString(9, c.entitas());
                    s.setString(10, toJson(c.sebelum()));
                    s.setString(11, toJson(c.sesudah()));
                    s.setString(12, trace);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    @Transactional
    public AuditPage page(Filter f, int page, int size) {
        List<AuditEntry> items = new ArrayList<>();
        long[] total = new long[1];
        session().doWork(conn -> {
            try (PreparedStatement s = prepare(conn, "SELECT count(*)", f, "")) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    total[0] = r.getLong(1);
                }
            }
            try (PreparedStatement s = prepare(conn, "SELECT *", f,
                    " ORDER BY id DESC LIMIT " + size + " OFFSET " + ((long) page * size))) {
                read(s, items::add);
            }
        });
        return new AuditPage(items, page, size, total[0]);
    }

    /** Every matching entry, oldest first, handed to {@code sink} as it is read (for exports). */
    @Transactional
    public void each(Filter f, Consumer<AuditEntry> sink) {
        session().doWork(conn -> {
            try (PreparedStatement s = prepare(conn, "SELECT *", f, " ORDER BY id")) {
                s.setFetchSize(500);
                read(s, sink);
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private static PreparedStatement prepare(Connection conn, String select, Filter f, String tail)
            throws SQLException {
        StringBuilder sql = new StringBuilder(select).append(" FROM audit_trail WHERE pemda = ? AND tahun = ?");
        List<String> values = new ArrayList<>();
        for (String[] c : new String[][] {{"opd", f.opd()}, {"kode", f.kode()}, {"pelaku", f.pelaku()}}) {
            if (c[1] != null) {
                sql.append(" AND ").append(c[0]).append(" = ?");
                values.add(c[1]);
            }
        }
        PreparedStatement s = conn.prepareStatement(sql.append(tail).toString());
        s.setString(1, f.pemda());
        s.setInt(2, f.tahun());
        for (int i = 0; i < values.size(); i++) {
            s.setString(i + 3, values.get(i));
        }
        return s;
    }

    private void read(PreparedStatement s, Consumer<AuditEntry> sink) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String peran = r.getString("peran");
                sink.accept(new AuditEntry(r.getLong("id"), r.getObject("waktu", OffsetDateTime.class),
                        r.getString("pelaku"), r.getString("nama"),
                        peran.isEmpty() ? List.of() : Arrays.asList(peran.split(",")), r.getString("aksi"),
                        r.getString("pemda"), r.getInt("tahun"), r.getString("opd"), r.getString("kode"),
                        r.getString("entitas"), fromJson(r.getString("sebelum")), fromJson(r.getString("sesudah")),
                        r.getString("trace_id")));
            }
        }
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value not serializable", e);
        }
    }

    private JsonNode fromJson(String text) {
        try {
            // amounts keep their scale: 150000.00 stays 150000.00, never a double
            return text == null ? null : json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .with(JsonNodeFactory.withExactBigDecimals(true)).readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_trail holds invalid JSON", e);
        }
    }
}
