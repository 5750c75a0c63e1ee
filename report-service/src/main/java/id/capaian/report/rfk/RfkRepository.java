package id.capaian.report.rfk;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.lock.YearLock;
import id.capaian.core.lock.YearLocks;
import id.capaian.report.readmodel.BudgetLeaf;
import id.capaian.report.readmodel.ProgresState;
import id.capaian.report.readmodel.ReadModel;
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
import java.util.TreeMap;
import javax.sql.DataSource;
import org.hibernate.JDBCException;

/**
 * Reads the RFK's inputs from the entity states the owners announced (the full state of every sub kegiatan
 * and of its progress), by subject prefix: one OPD, or every OPD of a pemda-year. Nothing is aggregated
 * ahead of time, so the report is exactly as current as the entity states.
 */
@ApplicationScoped
public class RfkRepository {

    @Inject DataSource ds;
    @Inject ObjectMapper json;

    /** The live sub kegiatan and the progress of one OPD ({@code opd} given) or of every OPD of a pemda-year. */
    public record Keadaan(List<BudgetLeaf> leaves, Map<String, ProgresState> progres) {

        /** The progress of a sub kegiatan, or null. */
        public ProgresState progresOf(BudgetLeaf leaf) {
            return progres.get(leaf.dpa().opd() + "/" + leaf.kode().value());
        }
    }

    /** What {@link #read} read in one statement: the entity states and, when asked, the year's locks. */
    private record Bacaan(Keadaan keadaan, List<YearLock> locks) {
    }

    /** The sources of {@link #read}, told apart by column t; a, b, c, d and sejak are each source's own columns. */
    private static final int ENTITAS = 1, KUNCI = 2;

    /** The live entity states under a subject prefix (the index entity_state_subject_prefix serves the LIKE). */
    private static final String ENTITIES = """
            SELECT 1 AS t, type AS a, CAST(data AS text) AS b, NULL AS c, NULL AS d, NULL::timestamptz AS sejak
            FROM entity_state WHERE subject LIKE ? ESCAPE '\\' AND version > 0 AND type IN (?, ?)""";

    /** The year's locks (by year_lock's primary key prefix), as {@link YearLocks#list} reads them. */
    private static final String LOCKS = """

            UNION ALL
            SELECT 2, opd, alasan, oleh, nama, sejak FROM year_lock WHERE pemda = ? AND tahun = ?""";

    /** Of one OPD: the year's own lock (opd '') and the OPD's. */
    private static final String OPD_LOCKS = " AND opd IN ('', ?)";

    /** The live sub kegiatan and the progress of one OPD ({@code opd} given) or of every OPD of a pemda-year. */
    public Keadaan keadaan(String pemda, int tahun, String opd) {
        return read(pemda, tahun, opd, false).keadaan();
    }

    /**
     * The entity states of one OPD ({@code opd} given) or of every OPD of a pemda-year, and the year's locks that
     * cover them (of one OPD: the year's own and the OPD's; else all), with {@code locks}. One statement, so one
     * round trip and one snapshot (a PostgreSQL statement sees what committed before it began, in every branch of its
     * UNION ALL): the locks are never newer than the rows, and a read needs no transaction.
     */
    private Bacaan read(String pemda, int tahun, String opd, boolean locks) {
        String prefix = ReadModel.subjectsStartingWith(pemda + "/" + tahun + "/" + (opd == null ? "" : opd + "/"));
        String sql = ENTITIES + (locks ? LOCKS + (opd == null ? "" : OPD_LOCKS) : "");
        Map<String, BudgetLeaf> leaves = new TreeMap<>();
        Map<String, ProgresState> progres = new HashMap<>();
        List<YearLock> yearLocks = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 0;
            s.setString(++i, prefix);
            s.setString(++i, BudgetLeaf.TYPE);
            s.setString(++i, ProgresState.TYPE);
            if (locks) {
                s.setString(++i, pemda);
                s.setInt(++i, tahun);
                if (opd != null) {
                    s.setString(++i, opd);
                }
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int t = r.getInt("t");
                    if (t == KUNCI) {
                        yearLocks.add(YearLocks.row(pemda, tahun, r.getString("a"), r.getString("b"), r.getString("c"),
                                r.getString("d"), r.getObject("sejak", OffsetDateTime.class)));
                    } else if (t != ENTITAS) {
                        throw new IllegalStateException("unknown source " + t);
                    } else if (BudgetLeaf.TYPE.equals(r.getString("a"))) {
                        BudgetLeaf leaf = BudgetLeaf.from(ReadModel.parse(json, r.getString("b")));
                        if (!leaf.removed()) {
                            leaves.put(leaf.dpa().opd() + "/" + leaf.kode().value(), leaf);
                        }
                    } else {
                        ProgresState p = ProgresState.from(ReadModel.parse(json, r.getString("b")));
                        if (!p.removed()) {
                            progres.put(p.dpa().opd() + "/" + p.kode().value(), p);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new JDBCException("reading the RFK inputs of " + pemda + "/" + tahun + (opd == null ? "" : "/" + opd)
                    + " failed", e, sql);
        }
        return new Bacaan(new Keadaan(List.copyOf(leaves.values()), progres), yearLocks);
    }

    /** An RFK's inputs: the sub kegiatan by OPD as of a month, and the year's locks that cover them. */
    public record Masukan(Map<String, List<Rfk.Sub>> subs, List<YearLock> locks) {
    }

    /**
     * The sub kegiatan of one OPD ({@code opd} given) or of every OPD of the pemda-year, by OPD, as of {@code bulan},
     * and the year's locks that cover them (of one OPD: the year's own and the OPD's), in one statement.
     */
    public Masukan masukan(String pemda, int tahun, String opd, int bulan) {
        Bacaan b = read(pemda, tahun, opd, true);
        return new Masukan(subs(b.keadaan(), bulan), b.locks());
    }

    private static Map<String, List<Rfk.Sub>> subs(Keadaan k, int bulan) {
        Map<String, List<Rfk.Sub>> byOpd = new TreeMap<>();
        for (BudgetLeaf l : k.leaves()) {
            ProgresState p = k.progresOf(l);
            byOpd.computeIfAbsent(l.dpa().opd(), x -> new ArrayList<>()).add(new Rfk.Sub(l.kode(), l.uraian(),
                    l.kegiatanUraian(), l.programUraian(), l.paguMurni(), l.pagu(), rencana(l.rak(), bulan),
                    l.realisasi()[bulan - 1], p == null ? null : p.persen()[bulan - 1]));
        }
        return byOpd;
    }

    /** The cumulative plan to the end of {@code bulan}: the sum of the amounts planned in months 1..bulan. */
    public static BigDecimal rencana(BigDecimal[] rak, int bulan) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (int i = 0; rak != null && i < bulan; i++) {
            sum = sum.add(rak[i]);
        }
        return sum;
    }
}
