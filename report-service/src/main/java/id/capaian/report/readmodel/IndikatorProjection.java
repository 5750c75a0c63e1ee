package id.capaian.report.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Keeps one indikator row per live indicator, as its latest event states it. */
@ApplicationScoped
public class IndikatorProjection {

    @Inject EntityManager em;

    void replace(IndicatorState s) {
        if (s.removed()) {
            em.createNativeQuery("""
                    DELETE FROM indikator WHERE pemda = ?1 AND tahun = ?2 AND opd = ?3 AND kode = ?4 AND nomor = ?5""")
                    .setParameter(1, s.dpa().pemda()).setParameter(2, s.dpa().tahun()).setParameter(3, s.dpa().opd())
                    .setParameter(4, s.kode().value()).setParameter(5, s.nomor()).executeUpdate();
            return;
        }
        insert(s, true);
    }

    void insert(IndicatorState s, boolean upsert) {
        em.createNativeQuery("""
                INSERT INTO indikator (pemda, tahun, opd, kode, nomor, nama, satuan, polaritas, rumus, target, realisasi)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, CAST(?11 AS numeric[]))
                """ + (upsert ? """
                ON CONFLICT (pemda, tahun, opd, kode, nomor) DO UPDATE SET nama = EXCLUDED.nama,
                    satuan = EXCLUDED.satuan, polaritas = EXCLUDED.polaritas, rumus = EXCLUDED.rumus,
                    target = EXCLUDED.target, realisasi = EXCLUDED.realisasi""" : ""))
                .setParameter(1, s.dpa().pemda()).setParameter(2, s.dpa().tahun()).setParameter(3, s.dpa().opd())
                .setParameter(4, s.kode().value()).setParameter(5, s.nomor()).setParameter(6, s.nama())
                .setParameter(7, s.satuan()).setParameter(8, s.polaritas().json())
                .setParameter(9, s.rumus() == null ? null : s.rumus().json()).setParameter(10, s.target())
                .setParameter(11, Monthly.literal(s.realisasi())).executeUpdate();
    }
}
