package id.capaian.report.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.util.List;

/** Keeps one indikator row per live indicator, as its latest event states it; a batch's with one statement each. */
@ApplicationScoped
public class IndikatorProjection {

    @Inject EntityManager em;

    /**
     * A batch's indicators as they now are (at most one state per indicator, in subject order): the removed ones
     * deleted, the others upserted, with one statement each.
     */
    void replaceAll(List<IndicatorState> states) {
        if (states.isEmpty()) {
            return;
        }
        Connection c = em.unwrap(org.hibernate.Session.class).doReturningWork(x -> x);
        List<IndicatorState> gone = states.stream().filter(IndicatorState::removed).toList();
        List<IndicatorState> live = states.stream().filter(s -> !s.removed()).toList();
        if (!gone.isEmpty()) {
            Sql.update(c, """
                    DELETE FROM indikator i USING unnest(?, ?, ?, ?, ?) AS u(pemda, tahun, opd, kode, nomor)
                    WHERE i.pemda = u.pemda AND i.tahun = u.tahun AND i.opd = u.opd AND i.kode = u.kode
                    AND i.nomor = u.nomor""",
                    Sql.texts(c, gone, s -> s.dpa().pemda()), Sql.ints(c, gone, s -> s.dpa().tahun()),
                    Sql.texts(c, gone, s -> s.dpa().opd()), Sql.texts(c, gone, s -> s.kode().value()),
                    Sql.ints(c, gone, IndicatorState::nomor));
        }
        if (!live.isEmpty()) {
            Sql.update(c, """
                    INSERT INTO indikator (pemda, tahun, opd, kode, nomor, nama, satuan, polaritas, rumus, target, realisasi)
                    SELECT u.pemda, u.tahun, u.opd, u.kode, u.nomor, u.nama, u.satuan, u.polaritas, u.rumus, u.target,
                        CAST(u.realisasi AS numeric[])
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY
                        AS u(pemda, tahun, opd, kode, nomor, nama, satuan, polaritas, rumus, target, realisasi, i)
                    ORDER BY u.i
                    ON CONFLICT (pemda, tahun, opd, kode, nomor) DO UPDATE SET nama = EXCLUDED.nama,
                        satuan = EXCLUDED.satuan, polaritas = EXCLUDED.polaritas, rumus = EXCLUDED.rumus,
                        target = EXCLUDED.target, realisasi = EXCLUDED.realisasi""",
                    Sql.texts(c, live, s -> s.dpa().pemda()), Sql.ints(c, live, s -> s.dpa().tahun()),
                    Sql.texts(c, live, s -> s.dpa().opd()), Sql.texts(c, live, s -> s.kode().value()),
                    Sql.ints(c, live, IndicatorState::nomor), Sql.texts(c, live, IndicatorState::nama),
                    Sql.texts(c, live, IndicatorState::satuan), Sql.texts(c, live, s -> s.polaritas().json()),
                    Sql.texts(c, live, s -> s.rumus() == null ? null : s.rumus().json()),
                    Sql.numbers(c, live, IndicatorState::target),
                    Sql.texts(c, live, s -> Monthly.literal(s.realisasi())));
        }
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
