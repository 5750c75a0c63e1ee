package id.capaian.report.imports;

import id.capaian.core.audit.AuditTrail;
import id.capaian.core.audit.Change;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Level;
import id.capaian.core.lock.YearLocks;
import id.capaian.core.persistence.ArrayRows;
import id.capaian.report.imports.ImportPlan.Baris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.Session;

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
        List<Baris> stated = plan.sorted().stream()
                .filter(b -> b.level() == Level.PROGRAM || b.level() == Level.KEGIATAN).toList();
        if (!stated.isEmpty()) { // one statement for the file's programs and kegiatan (each code once: ImportPlan)
            ArrayRows<Baris> rows = ArrayRows.of(stated)
                    .column("pemda", "text", String.class, b -> dpa.pemda())
                    .column("tahun", "integer", Integer.class, b -> dpa.tahun())
                    .column("opd", "text", String.class, b -> dpa.opd())
                    .column("kode", "text", String.class, b -> b.kode().value())
                    .column("pagu", "numeric", BigDecimal.class, Baris::pagu)
                    .column("realisasi", "numeric", BigDecimal.class, Baris::realisasi);
            rows.execute(em.unwrap(Session.class), """
                    INSERT INTO import_stated (pemda, tahun, opd, kode, pagu, realisasi) SELECT * FROM %s
                    ON CONFLICT (pemda, tahun, opd, kode) DO UPDATE
                        SET pagu = EXCLUDED.pagu, realisasi = EXCLUDED.realisasi, imported_at = now()
                        WHERE import_stated.pagu <> EXCLUDED.pagu OR import_stated.realisasi <> EXCLUDED.realisasi"""
                    .formatted(rows.unnest()));
        }
        audit.record(new Change("import.capaian", dpa.pemda(), dpa.tahun(), dpa.opd(), null, "import", null, result));
    }
}
