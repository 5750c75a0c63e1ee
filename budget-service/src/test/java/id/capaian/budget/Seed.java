package id.capaian.budget;

import static io.restassured.RestAssured.given;

import id.capaian.core.domain.Angka;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.testing.LocalInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** The seed's table (deploy/local/demo, described in docs/fixtures; 2.08) and helpers to load it through the API and to look into the database. */
final class Seed {

    static final String FIXTURE = "capaian-2024-63.10-p3ap2kb-2.08.tsv";

    /** One row of the fixture: the anggaran columns. */
    record Row(String kode, String uraian, BigDecimal target, BigDecimal realisasi) {
        Level level() {
            return Kode.of(kode).level();
        }
    }

    private Seed() {
    }

    static String newOpd(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String base(String opd) {
        return "/api/v1/dpa/63.10/2024/" + opd;
    }

    static List<Row> rows() {
        Path copy = LocalInfrastructure.root().resolve("deploy/local/demo/" + FIXTURE);
        try {
            String tsv = Files.readString(copy, StandardCharsets.UTF_8);
            List<Row> rows = new ArrayList<>();
            for (String line : tsv.split("\n")) {
                String[] c = line.split("\t", -1);
                if (line.isBlank() || c[0].equals("kode")) {
                    continue;
                }
                rows.add(new Row(c[0], c[1], Angka.parse(c[6]), Angka.parse(c[8])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the fixture's tree (pagu) and its realizations (month 12) into a new DPA of {@code opd}. */
    static void load(String opd) {
        load(opd, Integer.MAX_VALUE);
    }

    /** {@link #load(String)} in requests of at most {@code chunk} items each (parents before children). */
    static void load(String opd, int chunk) {
        List<Row> rows = rows();
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> realisasi = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("kode", r.kode());
            n.put("uraian", r.uraian());
            if (r.level() == Level.SUB_KEGIATAN) {
                n.put("pagu", r.target());
                realisasi.add(Map.of("kode", r.kode(), "jumlah", r.realisasi()));
            }
            nodes.add(n);
        }
        put(opd, "/nodes", nodes, chunk);
        put(opd, "/realisasi/12", realisasi, chunk);
    }

    /** PUTs {@code items} to the DPA's {@code path} in requests of at most {@code chunk} items each, in order. */
    static void put(String opd, String path, List<Map<String, Object>> items, int chunk) {
        for (int i = 0; i < items.size(); i += chunk) {
            given().contentType("application/json").body(items.subList(i, Math.min(items.size(), i + chunk)))
                    .put(base(opd) + path).then().log().ifValidationFails().statusCode(200);
        }
    }

    /** Each item ({@code kode}, {@code jumlah}) with its own single realization PUT of month {@code bulan}. */
    static void putEach(String opd, int bulan, List<Map<String, Object>> items) {
        for (Map<String, Object> item : items) {
            given().contentType("application/json").body(Map.of("jumlah", item.get("jumlah")))
                    .put(base(opd) + "/nodes/" + item.get("kode") + "/realisasi/" + bulan).then().log().ifValidationFails()
                    .statusCode(200);
        }
    }

    /** Everything the database holds for one DPA, and its outbox rows: equal snapshots mean nothing was written. */
    static String snapshot(DataSource ds, String opd) {
        return query(ds, """
                SELECT (SELECT count(*) FROM dpa WHERE opd = ?) || '#' ||
                       coalesce((SELECT string_agg(n.kode || '|' || n.uraian || '|' || coalesce(n.pagu::text, '-') || '|'
                                 || coalesce(n.pagu_murni::text, '-') || '|' || coalesce(n.renstra_pagu::text, '-') || '|'
                                 || coalesce(n.renstra_realisasi_sebelumnya::text, '-') || '|' || coalesce(n.rak::text, '-')
                                 || '|' || n.version || '|' || n.removed, ';' ORDER BY n.kode)
                                 FROM dpa_node n JOIN dpa d ON d.id = n.dpa_id WHERE d.opd = ?), '') || '#' ||
                       coalesce((SELECT string_agg(n.kode || '@' || r.bulan || '=' || r.jumlah, ';' ORDER BY n.kode, r.bulan)
                                 FROM realisasi r JOIN dpa_node n ON n.id = r.node_id JOIN dpa d ON d.id = n.dpa_id
                                 WHERE d.opd = ?), '') || '#' ||
                       (SELECT count(*) FROM outbox WHERE subject LIKE ?)""", opd, opd, opd, "63.10/2024/" + opd + "/%");
    }

    static long outboxRows(DataSource ds, String opd) {
        return Long.parseLong(query(ds, "SELECT count(*)::text FROM outbox WHERE subject LIKE ?", "63.10/2024/" + opd + "/%"));
    }

    /** Outbox rows of one subject in id order: version and payload. */
    static List<Object[]> outbox(DataSource ds, String subject) {
        try (Connection c = ds.getConnection();
                var s = c.prepareStatement("SELECT version, payload FROM outbox WHERE subject = ? ORDER BY id")) {
            s.setString(1, subject);
            var r = s.executeQuery();
            List<Object[]> out = new ArrayList<>();
            while (r.next()) {
                out.add(new Object[] {r.getLong(1), r.getString(2)});
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The last outbox and audit ids taken: a rolled-back INSERT takes its id too, so equal before and after means
     * that nothing tried to write an event or an audit entry.
     */
    static String trailIds(DataSource ds) {
        return query(ds, """
                SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox', 'id')::regclass), 0)
                    || '/' || coalesce(pg_sequence_last_value(pg_get_serial_sequence('audit_trail', 'id')::regclass), 0)""");
    }

    static String query(DataSource ds, String sql, String... params) {
        try (Connection c = ds.getConnection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            var r = s.executeQuery();
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
