package id.capaian.report.kunci;

import id.capaian.core.domain.Level;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The ceilings of every sub kegiatan at the first time its year (or OPD) was locked, kept so that the audit
 * can show a ceiling changed after the report became final. A later lock keeps the first record: an
 * amendment between an unlock and a new lock stays visible.
 */
@ApplicationScoped
public class PaguTerkunci {

    @Inject EntityManager em;

    @Transactional
    public void record(String pemda, int tahun, String opd) {
        em.createNativeQuery("""
                INSERT INTO pagu_terkunci (pemda, tahun, opd, kode, pagu, dikunci)
                SELECT pemda, tahun, opd, kode, pagu, now() FROM anggaran
                WHERE pemda = :pemda AND tahun = :tahun AND level = :level AND (CAST(:opd AS text) IS NULL OR opd = :opd)
                ON CONFLICT DO NOTHING""")
                .setParameter("pemda", pemda).setParameter("tahun", tahun).setParameter("level", Level.SUB_KEGIATAN.name())
                .setParameter("opd", opd).executeUpdate();
    }
}
