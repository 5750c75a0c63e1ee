package id.capaian.report.laporan;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import id.capaian.report.anotasi.AnotasiService.Anotasi;
import id.capaian.report.laporan.CapaianTable.Indikator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read model rows of one urusan of an OPD-year (the urusan and every node under it). Native SQL: the read model
 * tables are not JPA entities, and a month's value is an element of an array column ({@code realisasi[:bulan]}).
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

    @Inject EntityManager em;

    /** The budget rows of the urusan itself and of every node under it, as of the end of {@code bulan}. */
    public List<Amounts> amounts(DpaRef dpa, Kode urusan, int bulan) {
        List<Object[]> rows = urusan(em.createNativeQuery("""
                SELECT kode, level, uraian, pagu, realisasi[:bulan], pagu_murni FROM anggaran
                WHERE pemda = :pemda AND tahun = :tahun AND opd = :opd AND (kode = :urusan OR kode LIKE :urusan || '.%')""",
                Object[].class), dpa, urusan).setParameter("bulan", bulan).getResultList();
        return rows.stream().map(r -> new Amounts((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3],
                (BigDecimal) r[4], (BigDecimal) r[5])).toList();
    }

    /** The indicators of every node under the urusan, as of the end of {@code bulan}, in nomor order. */
    public List<NodeIndikator> indicators(DpaRef dpa, Kode urusan, int bulan) {
        List<Object[]> rows = urusan(em.createNativeQuery("""
                SELECT kode, nomor, nama, satuan, polaritas, rumus, target, realisasi[:bulan] FROM indikator
                WHERE pemda = :pemda AND tahun = :tahun AND opd = :opd AND kode LIKE :urusan || '.%' ORDER BY nomor""",
                Object[].class), dpa, urusan).setParameter("bulan", bulan).getResultList();
        return rows.stream().map(r -> new NodeIndikator(Kode.of((String) r[0]), Indikator.of(
                ((Number) r[1]).intValue(), (String) r[2], (String) r[3], Polaritas.of((String) r[4]),
                r[5] == null ? null : RumusNegatif.of((String) r[5]), (BigDecimal) r[6], (BigDecimal) r[7]))).toList();
    }

    /** The annotations of every node under the urusan, by code. */
    public Map<String, Anotasi> notes(DpaRef dpa, Kode urusan) {
        List<Object[]> rows = urusan(em.createNativeQuery("""
                SELECT kode, kebijakan, permasalahan, upaya, tindak_lanjut FROM anotasi
                WHERE pemda = :pemda AND tahun = :tahun AND opd = :opd AND kode LIKE :urusan || '.%'""",
                Object[].class), dpa, urusan).getResultList();
        Map<String, Anotasi> m = new HashMap<>();
        rows.forEach(r -> m.put((String) r[0], new Anotasi((String) r[1], (String) r[2], (String) r[3], (String) r[4])));
        return m;
    }

    private static Query urusan(Query q, DpaRef dpa, Kode urusan) {
        return q.setParameter("pemda", dpa.pemda()).setParameter("tahun", dpa.tahun()).setParameter("opd", dpa.opd())
                .setParameter("urusan", urusan.value());
    }
}
