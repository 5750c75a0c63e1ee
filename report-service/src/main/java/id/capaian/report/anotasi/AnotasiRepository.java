package id.capaian.report.anotasi;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.report.anotasi.AnotasiService.Anotasi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;

/**
 * The report's own annotations of a node (table anotasi). Native SQL: the report's tables are not JPA entities, and
 * the write is one INSERT … ON CONFLICT DO UPDATE … WHERE IS DISTINCT FROM, which JPA cannot say, that tells by its
 * row count whether anything changed.
 */
@ApplicationScoped
public class AnotasiRepository {

    @Inject EntityManager em;

    /** The annotations of one node, if any. */
    public Optional<Anotasi> find(DpaRef dpa, Kode kode) {
        return read(dpa, kode, "");
    }

    /** The annotations of one node, if any, locked FOR UPDATE (concurrent changes audit the right "before"). */
    public Optional<Anotasi> lock(DpaRef dpa, Kode kode) {
        return read(dpa, kode, " FOR UPDATE");
    }

    /** Stores the annotations of one node as given; true when the row is new or any value differs. */
    public boolean save(DpaRef dpa, Kode kode, Anotasi a) {
        return node(em.createNativeQuery("""
                INSERT INTO anotasi (pemda, tahun, opd, kode, kebijakan, permasalahan, upaya, tindak_lanjut)
                VALUES (:pemda, :tahun, :opd, :kode, :kebijakan, :permasalahan, :upaya, :tindakLanjut)
                ON CONFLICT (pemda, tahun, opd, kode) DO UPDATE SET kebijakan = EXCLUDED.kebijakan,
                    permasalahan = EXCLUDED.permasalahan, upaya = EXCLUDED.upaya,
                    tindak_lanjut = EXCLUDED.tindak_lanjut, updated_at = now()
                WHERE (anotasi.kebijakan, anotasi.permasalahan, anotasi.upaya, anotasi.tindak_lanjut)
                    IS DISTINCT FROM (EXCLUDED.kebijakan, EXCLUDED.permasalahan, EXCLUDED.upaya, EXCLUDED.tindak_lanjut)"""),
                dpa, kode)
                .setParameter("kebijakan", a.kebijakan()).setParameter("permasalahan", a.permasalahan())
                .setParameter("upaya", a.upaya()).setParameter("tindakLanjut", a.tindakLanjut())
                .executeUpdate() == 1;
    }

    /** Deletes the annotations of one node; true if there were any. */
    public boolean delete(DpaRef dpa, Kode kode) {
        return node(em.createNativeQuery(
                "DELETE FROM anotasi WHERE pemda = :pemda AND tahun = :tahun AND opd = :opd AND kode = :kode"), dpa, kode)
                .executeUpdate() == 1;
    }

    private Optional<Anotasi> read(DpaRef dpa, Kode kode, String lock) {
        List<Object[]> rows = node(em.createNativeQuery("""
                SELECT kebijakan, permasalahan, upaya, tindak_lanjut FROM anotasi
                WHERE pemda = :pemda AND tahun = :tahun AND opd = :opd AND kode = :kode""" + lock, Object[].class),
                dpa, kode).getResultList();
        return rows.stream().findFirst()
                .map(r -> new Anotasi((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
    }

    private static Query node(Query q, DpaRef dpa, Kode kode) {
        return q.setParameter("pemda", dpa.pemda()).setParameter("tahun", dpa.tahun()).setParameter("opd", dpa.opd())
                .setParameter("kode", kode.value());
    }
}
