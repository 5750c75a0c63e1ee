package id.capaian.report.anotasi;


import id.capaian.core.audit.AuditTrail;
import id.capaian.core.audit.Change;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Violations;
import id.capaian.core.lock.YearLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject AnotasiRepository repository;
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
    public boolean set(DpaRef dpa, Kode kode, Anotasi a) {
        Violations v = new Violations();
        v.check(kode.level() != Level.URUSAN, "kode", "anotasi untuk program, kegiatan atau sub kegiatan");
        v.check(a.kebijakan() == null || kode.level() == Level.PROGRAM, "kebijakan", "kebijakan hanya untuk program");
        length(v, "kebijakan", a.kebijakan());
        length(v, "permasalahan", a.permasalahan());
        length(v, "upaya", a.upaya());
        length(v, "tindakLanjut", a.tindakLanjut());
        v.throwIfAny();
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        Anotasi before = repository.lock(dpa, kode).orElse(null);
        boolean changed = repository.save(dpa, kode, new Anotasi(blankToNull(a.kebijakan()),
                blankToNull(a.permasalahan()), blankToNull(a.upaya()), blankToNull(a.tindakLanjut())));
        if (changed) {
            record(dpa, kode, before == null ? "anotasi.buat" : "anotasi.ubah", before, get(dpa, kode));
        }
        return changed;
    }

    /** Clears the annotations of one node; true if there were any. */
    @Transactional
    public boolean clear(DpaRef dpa, Kode kode) {
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        Anotasi before = repository.lock(dpa, kode).orElse(null);
        boolean removed = repository.delete(dpa, kode);
        if (removed) {
            record(dpa, kode, "anotasi.hapus", before, null);
        }
        return removed;
    }

    private void record(DpaRef dpa, Kode kode, String aksi, Anotasi before, Anotasi after) {
        audit.record(new Change(aksi, dpa.pemda(), dpa.tahun(), dpa.opd(), kode.value(), "anotasi", before, after));
    }

    /** The annotations of one node, null when none. */
    @Transactional
    public Anotasi get(DpaRef dpa, Kode kode) {
        return repository.find(dpa, kode).orElse(null);
    }

    private static void length(Violations v, String field, String text) {
        v.check(text == null || text.length() <= MAX_LENGTH, field, "paling panjang " + MAX_LENGTH + " karakter");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
