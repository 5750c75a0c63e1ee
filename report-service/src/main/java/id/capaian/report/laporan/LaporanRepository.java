package id.capaian.report.laporan;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import id.capaian.core.lock.YearLock;
import id.capaian.core.lock.YearLocks;
import id.capaian.report.anotasi.AnotasiService.Anotasi;
import id.capaian.report.laporan.CapaianTable.Indikator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.JDBCException;

/**
 * The read model rows of one urusan of an OPD-year (the urusan and every node under it). Native SQL: the read model
 * tables are not JPA entities, and a month's value is an element of an array column ({@code realisasi[?]}).
 */
@ApplicationScoped
public class LaporanRepository {

    /** One budget row (table anggaran) as of the end of a month. */
    public record Amounts(String kode, String level, String uraian, BigDecimal pagu, BigDecimal realisasi,
            BigDecimal paguMurni) {
    }

    /** One indicator (table indikator) of a node, as of the end of a month. */
    public record NodeIndikator(Kode kode, Indikator indikator) {
    }

    /**
     * Everything the table of an urusan shows: the budget rows of the urusan itself and of every node under it, the
     * indicators of every node under it (in nomor order), their annotations by code, and the locks of the year that
     * cover the OPD (the year's own, opd null, and the OPD's).
     */
    public record Rows(List<Amounts> amounts, List<NodeIndikator> indicators, Map<String, Anotasi> notes,
            List<YearLock> locks) {
    }

    /** The sources of {@link #rows}, told apart by column t; a, b, c, d, n, x, y, z are each source's own columns. */
    private static final int ANGGARAN = 1, INDIKATOR = 2, ANOTASI = 3, KUNCI = 4;

    /**
     * One statement, so one round trip and one snapshot: a read needs no transaction. The parameters are bound once,
     * in p; p is NOT MATERIALIZED, so the planner inlines it and each branch still reads by the primary key's prefix
     * (pemda, tahun, opd), year_lock by its whole key, exactly as with the values written into every branch.
     */
    private static final String ROWS = """
            WITH p AS NOT MATERIALIZED (SELECT CAST(? AS text) AS pemda, CAST(? AS integer) AS tahun,
                    CAST(? AS text) AS opd, CAST(? AS text) AS urusan, CAST(? AS integer) AS bulan)
            SELECT 1 AS t, g.kode, g.level AS a, g.uraian AS b, NULL AS c, NULL AS d, NULL::integer AS n,
                   g.pagu AS x, g.realisasi[p.bulan] AS y, g.pagu_murni AS z, NULL::timestamptz AS sejak
            FROM p JOIN anggaran g ON g.pemda = p.pemda AND g.tahun = p.tahun AND g.opd = p.opd
                AND (g.kode = p.urusan OR g.kode LIKE p.urusan || '.%')
            UNION ALL
            SELECT 2, i.kode, i.nama, i.satuan, i.polaritas, i.rumus, i.nomor, i.target, i.realisasi[p.bulan], NULL, NULL
            FROM p JOIN indikator i ON i.pemda = p.pemda AND i.tahun = p.tahun AND i.opd = p.opd
                AND i.kode LIKE p.urusan || '.%'
            UNION ALL
            SELECT 3, o.kode, o.kebijakan, o.permasalahan, o.upaya, o.tindak_lanjut, NULL, NULL, NULL, NULL, NULL
            FROM p JOIN anotasi o ON o.pemda = p.pemda AND o.tahun = p.tahun AND o.opd = p.opd
                AND o.kode LIKE p.urusan || '.%'
            UNION ALL
            SELECT 4, k.opd, k.alasan, k.oleh, k.nama, NULL, NULL, NULL, NULL, NULL, k.sejak
            FROM p JOIN year_lock k ON k.pemda = p.pemda AND k.tahun = p.tahun AND k.opd = ANY (ARRAY['', p.opd])
            ORDER BY t, n""";

    @Inject DataSource ds;

    /** The rows of the table of one urusan as of the end of {@code bulan}, in one statement. */
    public Rows rows(DpaRef dpa, Kode urusan, int bulan) {
        List<Amounts> amounts = new ArrayList<>();
        List<NodeIndikator> indicators = new ArrayList<>();
        Map<String, Anotasi> notes = new HashMap<>();
        List<YearLock> locks = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(ROWS)) {
            s.setString(1, dpa.pemda());
            s.setInt(2, dpa.tahun());
            s.setString(3, dpa.opd());
            s.setString(4, urusan.value());
            s.setInt(5, bulan);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    switch (r.getInt("t")) {
                        case ANGGARAN -> amounts.add(new Amounts(r.getString("kode"), r.getString("a"), r.getString("b"),
                                r.getBigDecimal("x"), r.getBigDecimal("y"), r.getBigDecimal("z")));
                        case INDIKATOR -> {
                            String rumus = r.getString("d");
                            indicators.add(new NodeIndikator(Kode.of(r.getString("kode")), Indikator.of(r.getInt("n"),
                                    r.getString("a"), r.getString("b"), Polaritas.of(r.getString("c")),
                                    rumus == null ? null : RumusNegatif.of(rumus), r.getBigDecimal("x"), r.getBigDecimal("y"))));
                        }
                        case ANOTASI -> notes.put(r.getString("kode"),
                                new Anotasi(r.getString("a"), r.getString("b"), r.getString("c"), r.getString("d")));
                        case KUNCI -> locks.add(YearLocks.row(dpa.pemda(), dpa.tahun(), r.getString("kode"), r.getString("a"),
                                r.getString("b"), r.getString("c"), r.getObject("sejak", OffsetDateTime.class)));
                        default -> throw new IllegalStateException("unknown source " + r.getInt("t"));
                    }
                }
            }
        } catch (SQLException e) {
            throw new JDBCException("reading the table of " + dpa + " urusan " + urusan + " failed", e, ROWS);
        }
        return new Rows(amounts, indicators, notes, locks);
    }
}
