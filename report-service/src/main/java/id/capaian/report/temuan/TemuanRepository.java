package id.capaian.report.temuan;

import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;

/**
 * The read model rows the audit of a pemda-year compares, each as of the end of the year (December's cumulative
 * value). Native SQL: the read model tables are not JPA entities, and a month's value is an element of an array
 * column ({@code realisasi[12]}).
 */
@ApplicationScoped
public class TemuanRepository {

    /** A total stated by an import that its live node does not have (live values null when the node is gone). */
    public record StatedTotal(String opd, String kode, String uraian, BigDecimal statedPagu, BigDecimal livePagu,
            BigDecimal statedRealisasi, BigDecimal liveRealisasi) {
    }

    /** One indicator (table indikator); {@code rumus}, {@code target} and {@code realisasi} may be null. */
    public record IndikatorRow(String opd, String kode, String nama, String satuan, Polaritas polaritas,
            RumusNegatif rumus, BigDecimal target, BigDecimal realisasi) {
    }

    /** One program, kegiatan or sub kegiatan (table anggaran). */
    public record AnggaranRow(String opd, String kode, String uraian, BigDecimal pagu, BigDecimal realisasi) {
    }

    /** A node's first indicator beside its budget: what capaian fisik and capaian keuangan are computed from. */
    public record FisikKeuangan(String opd, String kode, String uraian, Polaritas polaritas, RumusNegatif rumus,
            BigDecimal target, BigDecimal realisasi, BigDecimal pagu, BigDecimal realisasiKeuangan) {
    }

    /**
     * A ceiling that differs from the one recorded when the year (or the OPD) was first locked ({@code now} null
     * when the node is gone); {@code dikunci} is the time of that lock as the database driver renders it.
     */
    public record PaguChanged(String opd, String kode, String uraian, BigDecimal locked, BigDecimal now,
            String dikunci) {
    }

    @Inject EntityManager em;

    /** The totals stated by imports that differ from the live sums, or whose node is gone. */
    public List<StatedTotal> statedTotalsDiffering(String pemda, int tahun) {
        return rows("""
                SELECT s.opd, s.kode, a.uraian, s.pagu, a.pagu, s.realisasi, a.realisasi[12]
                FROM import_stated s LEFT JOIN anggaran a USING (pemda, tahun, opd, kode)
                WHERE s.pemda = :pemda AND s.tahun = :tahun
                  AND (a.kode IS NULL OR a.pagu <> s.pagu OR a.realisasi[12] <> s.realisasi)""", pemda, tahun)
                .stream().map(r -> new StatedTotal((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3],
                        (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6])).toList();
    }

    /** Every indicator of the pemda-year. */
    public List<IndikatorRow> indicators(String pemda, int tahun) {
        return rows("""
                SELECT opd, kode, nama, satuan, polaritas, rumus, target, realisasi[12] FROM indikator
                WHERE pemda = :pemda AND tahun = :tahun""", pemda, tahun)
                .stream().map(r -> new IndikatorRow((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        Polaritas.of((String) r[4]), r[5] == null ? null : RumusNegatif.of((String) r[5]),
                        (BigDecimal) r[6], (BigDecimal) r[7])).toList();
    }

    /** Every program, kegiatan and sub kegiatan of the pemda-year. */
    public List<AnggaranRow> programsToSubKegiatan(String pemda, int tahun) {
        return rows("""
                SELECT opd, kode, uraian, pagu, realisasi[12] FROM anggaran
                WHERE pemda = :pemda AND tahun = :tahun AND level IN ('PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN')""",
                pemda, tahun)
                .stream().map(r -> new AnggaranRow((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3],
                        (BigDecimal) r[4])).toList();
    }

    /** Every node that has a budget row and an indicator nomor 1, with both. */
    public List<FisikKeuangan> firstIndicatorsWithBudget(String pemda, int tahun) {
        return rows("""
                SELECT i.opd, i.kode, a.uraian, i.polaritas, i.rumus, i.target, i.realisasi[12], a.pagu, a.realisasi[12]
                FROM indikator i JOIN anggaran a USING (pemda, tahun, opd, kode)
                WHERE i.pemda = :pemda AND i.tahun = :tahun AND i.nomor = 1""", pemda, tahun)
                .stream().map(r -> new FisikKeuangan((String) r[0], (String) r[1], (String) r[2],
                        Polaritas.of((String) r[3]), r[4] == null ? null : RumusNegatif.of((String) r[4]),
                        (BigDecimal) r[5], (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8])).toList();
    }

    /** The ceilings that differ from (or are gone since) the ones recorded when the year or OPD was first locked. */
    public List<PaguChanged> paguChangedAfterLock(String pemda, int tahun) {
        return rows("""
                SELECT t.opd, t.kode, a.uraian, t.pagu, a.pagu, t.dikunci FROM pagu_terkunci t
                LEFT JOIN anggaran a ON a.pemda = t.pemda AND a.tahun = t.tahun AND a.opd = t.opd AND a.kode = t.kode
                WHERE t.pemda = :pemda AND t.tahun = :tahun AND (a.pagu IS NULL OR a.pagu <> t.pagu)""", pemda, tahun)
                .stream().map(r -> new PaguChanged((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3],
                        (BigDecimal) r[4], String.valueOf(r[5]))).toList();
    }

    private List<Object[]> rows(String sql, String pemda, int tahun) {
        return em.createNativeQuery(sql, Object[].class).setParameter("pemda", pemda).setParameter("tahun", tahun)
                .getResultList();
    }
}
