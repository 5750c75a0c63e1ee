package id.capaian.indicator;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct reads of the service's database, to prove what a request wrote (or did not). */
@ApplicationScoped
public class Db {

    @Inject AgroalDataSource ds;

    /**
     * A fingerprint of every indicator, realization, sasaran, physical progress (series and months), outbox
     * row, audit entry, year lock and month closing: equal before and after means nothing written.
     */
    public String snapshot() {
        return one("""
                SELECT (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM indicator t)
                    || '/' || (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r.indicator_id, r.bulan), '')) FROM realisasi r)
                    || '/' || (SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY s.pemda, s.tahun, s.opd, s.kode), '')) FROM sasaran s)
                    || '/' || (SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY s.pemda, s.tahun, s.opd, s.kode), '')) FROM progres_seri s)
                    || '/' || (SELECT md5(coalesce(string_agg(p::text, '|' ORDER BY p.pemda, p.tahun, p.opd, p.kode, p.bulan), '')) FROM progres p)
                    || '/' || (SELECT count(*) FROM outbox) || '/' || (SELECT count(*) FROM audit_trail)
                    || '/' || (SELECT md5(coalesce(string_agg(l::text, '|' ORDER BY l.pemda, l.tahun, l.opd), '')) FROM year_lock l)
                    || '/' || (SELECT md5(coalesce(string_agg(c::text, '|' ORDER BY c.pemda, c.tahun, c.opd), '')) FROM penutupan c)""");
    }

    /**
     * The last outbox and audit ids taken: a rolled-back INSERT takes its id too, so equal before and after means
     * that nothing tried to write an event or an audit entry.
     */
    public String trailIds() {
        return one("""
                SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox', 'id')::regclass), 0)
                    || '/' || coalesce(pg_sequence_last_value(pg_get_serial_sequence('audit_trail', 'id')::regclass), 0)""");
    }

    /** Runs one statement as an unrestricted database client would (no API in between). */
    public void execute(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    /** One OPD's indicators, months, progress series and months as text, without ids (compared across OPDs). */
    public String rows(String opd) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT coalesce(string_agg(x, '|' ORDER BY x), '') FROM (
                  SELECT concat_ws(',', 'i', kode, nomor, nama, satuan, polaritas, rumus, target, agregasi, renstra_target,
                                   renstra_realisasi_sebelumnya, version, removed) AS x FROM indicator WHERE opd = ?
                  UNION ALL SELECT concat_ws(',', 'r', i.kode, i.nomor, r.bulan, r.nilai)
                    FROM realisasi r JOIN indicator i ON i.id = r.indicator_id WHERE i.opd = ?
                  UNION ALL SELECT concat_ws(',', 's', kode, version) FROM progres_seri WHERE opd = ?
                  UNION ALL SELECT concat_ws(',', 'p', kode, bulan, persen) FROM progres WHERE opd = ?) t""")) {
            for (int i = 1; i <= 4; i++) {
                s.setString(i, opd);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The versions of the outbox rows of one subject, in commit order. */
    public List<Long> outboxVersions(String subject) {
        return longs("SELECT version FROM outbox WHERE subject = ? ORDER BY id", subject);
    }

    public List<String> outboxPayloads(String subject) {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT payload FROM outbox WHERE subject = ? ORDER BY id")) {
            s.setString(1, subject);
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> longs(String sql, String param) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            List<Long> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String one(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
