package id.capaian.report.anotasi;

import id.capaian.report.tenant.Dpa;

import id.capaian.core.audit.AuditTrail;
import id.capaian.core.audit.Change;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Violations;
import id.capaian.core.lock.YearLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The report's own data: kebijakan (per program) and permasalahan, upaya and tindak lanjut rekomendasi
 * DPRD (per row). Set as a whole (idempotent PUT), cleared by DELETE. Each change first checks that its
 * pemda-year (or OPD) is not locked, and leaves one audit entry with the values before and after; a PUT
 * or DELETE that changes nothing leaves none.
 */
@ApplicationScoped
public class AnotasiService {

    public static final int MAX_LENGTH = 4000;

    @Inject EntityManager em;
    @Inject YearLocks locks;
    @Inject AuditTrail audit;

    public record Anotasi(
            @Schema(nullable = true, description = "Program rows only; null or empty when none") String kebijakan,
            @Schema(nullable = true, description = "Null or empty when none") String permasalahan,
            @Schema(nullable = true, description = "Null or empty when none") String upaya,
            @Schema(nullable = true, description = "Null or empty when none") String tindakLanjut) {
    }

    /** Replaces the annotations of one node. Returns whether anything changed. */
    @Transactional
    public boolean set(Dpa dpa, Kode kode, Anotasi a) {
        Violations v = new Violations();
        v.check(kode.level() != Level.URUSAN, "kode", "anotasi untuk program, kegiatan atau sub kegiatan");
        v.check(a.kebijakan() == null || kode.level() == Level.PROGRAM, "kebijakan", "kebijakan hanya untuk program");
        length(v, "kebijakan", a.kebijakan());
        length(v, "permasalahan", a.permasalahan());
        length(v, "upaya", a.upaya());
        length(v, "tindakLanjut", a.tindakLanjut());
        v.throwIfAny();
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        Anotasi before = locked(dpa, kode);
        boolean changed = em.createNativeQuery("""
                INSERT INTO anotasi (pemda, tahun, opd, kode, kebijakan, permasalahan, upaya, tindak_lanjut)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (pemda, tahun, opd, kode) DO UPDATE SET kebijakan = EXCLUDED.kebijakan,
                    permasalahan = EXCLUDED.permasalahan, upaya = EXCLUDED.upaya,
                    tindak_lanjut = EXCLUDED.tindak_lanjut, updated_at = now()
                WHERE (anotasi.kebijakan, anotasi.permasalahan, anotasi.upaya, anotasi.tindak_lanjut)
                    IS DISTINCT FROM (EXCLUDED.kebijakan, EXCLUDED.permasalahan, EXCLUDED.upaya, EXCLUDED.tindak_lanjut)""")
                .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd())
                .setParameter(4, kode.value()).setParameter(5, blankToNull(a.kebijakan()))
                .setParameter(6, blankToNull(a.permasalahan())).setParameter(7, blankToNull(a.upaya()))
                .setParameter(8, blankToNull(a.tindakLanjut())).executeUpdate() == 1;
        if (changed) {
            record(dpa, kode, before == null ? "anotasi.buat" : "anotasi.ubah", before, get(dpa, kode));
        }
        return changed;
    }

    /** Clears the annotations of one node; true if there were any. */
    @Transactional
    public boolean clear(Dpa dpa, Kode kode) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        Anotasi before = locked(dpa, kode);
        boolean removed = em.createNativeQuery("DELETE FROM anotasi WHERE pemda = ?1 AND tahun = ?2 AND opd = ?3 AND kode = ?4")
                .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd())
                .setParameter(4, kode.value()).executeUpdate() == 1;
        if (removed) {
            record(dpa, kode, "anotasi.hapus", before, null);
        }
        return removed;
    }

    private void record(Dpa dpa, Kode kode, String aksi, Anotasi before, Anotasi after) {
        audit.record(new Change(aksi, dpa.pemda(), dpa.tahun(), dpa.opd(), kode.value(), "anotasi", before, after));
    }

    @Transactional
    public Anotasi get(Dpa dpa, Kode kode) {
        return read(dpa, kode, "");
    }

    /** The row as it is before a change, locked so that concurrent changes audit the right "before". */
    private Anotasi locked(Dpa dpa, Kode kode) {
        return read(dpa, kode, " FOR UPDATE");
    }

    private Anotasi read(Dpa dpa, Kode kode, String lock) {
        var rows = em.createNativeQuery("""
                SELECT kebijakan, permasalahan, upaya, tindak_lanjut FROM anotasi
                WHERE pemda = ?1 AND tahun = ?2 AND opd = ?3 AND kode = ?4""" + lock)
                .setParameter(1, dpa.pemda()).setParameter(2, dpa.tahun()).setParameter(3, dpa.opd())
                .setParameter(4, kode.value()).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        return new Anotasi((String) r[0], (String) r[1], (String) r[2], (String) r[3]);
    }

    private static void length(Violations v, String field, String text) {
        v.check(text == null || text.length() <= MAX_LENGTH, field, "paling panjang " + MAX_LENGTH + " karakter");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
