package id.capaian.report.imports;

import id.capaian.core.audit.AuditTrail;
import id.capaian.core.audit.Change;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Level;
import id.capaian.core.lock.YearLocks;
import id.capaian.report.imports.ImportPlan.Baris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What the report owns of an import: the anggaran that the file stated for each kegiatan and program, so
 * that the audit can show where the live sums later drift from it. An upsert that leaves an unchanged
 * row alone (its imported_at too), so re-importing the same file changes nothing here either. Nodes
 * absent from a later file keep their earlier statement (an import adds and updates, never deletes).
 * Each import that completes is recorded once in the audit trail with its summary (the owners record
 * each row they changed), in the same transaction, after checking that the year is still open.
 */
@ApplicationScoped
public class ImportStated {

    @Inject EntityManager em;
    @Inject YearLocks locks;
    @Inject AuditTrail audit;

    /** Refuses (409) an import into a locked year or OPD before any owner is called. */
    @Transactional
    public void ensureOpen(DpaRef dpa) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
    }

    @Transactional
    public void record(DpaRef dpa, ImportPlan plan, ImportResult result) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        for (Baris b : plan.sorted()) {
            if (b.level() != Level.PROGRAM && b.level() != Level.KEGIATAN) {
                continue;
            }
            em.createNativeQuery("""
                    INSERT INTO import_stated (pemda, tahun, opd, kode, pagu, realisasi) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                    ON CONFLICT (pemda, tahun, opd, kode) DO UPDATE
                        SET pagu = EXCLUDED.pagu, realisasi = EXCLUDED.realisasi, imported_at = now()
                        WHERE import_stated.pagu <> EXCLUDED.pagu OR import_stated.realisasi <> EXCLUDED.realisasi""")
                    .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd())
                    .setParameter(4, b.kode().value()).setParameter(5, b.pagu()).setParameter(6, b.realisasi())
                    .executeUpdate();
        }
        audit.record(new Change("import.capaian", dpa.pemda(), dpa.tahun(), dpa.opd(), null, "import", null, result));
    }
}
