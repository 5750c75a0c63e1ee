package id.capaian.report.evaluasi;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.audit.AuditTrail;
import id.capaian.core.audit.Change;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Violations;
import id.capaian.core.lock.YearLocks;
import id.capaian.core.problem.ProblemException;
import id.capaian.core.security.Action;
import id.capaian.core.security.Caller;
import id.capaian.core.security.Callers;
import id.capaian.core.security.Role;
import id.capaian.report.evaluasi.EvaluasiForm.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The quarterly Renja evaluation: the form (numbers from the read model), its texts, and its sign-off,
 * which closes the evaluated months in the owners. Sign-offs of one OPD-year are serialized; an owner is never
 * left open while the report says DIEVALUASI (owners first when evaluating; report first when reopening).
 */
@ApplicationScoped
public class EvaluasiService {

    public static final int ALASAN_MAX = 400;
    static final String[] ROMAWI = {"", "I", "II", "III", "IV"};

    @Inject EvaluasiRepository repository;
    @Inject YearLocks locks;
    @Inject AuditTrail audit;
    @Inject Callers callers;
    @Inject OwnerClosing owners;
    @Inject ObjectMapper json;

    @Schema(name = "StatusEvaluasiRequest", description = "The target status; alasan is required to reopen (DRAFT)")
    public record StatusRequest(
            @Schema(required = true, enumeration = {"DRAFT", "DISUSUN", "DIEVALUASI"}, example = "DIEVALUASI") String status,
            @Schema(nullable = true, maxLength = ALASAN_MAX, example = "Evaluasi triwulan II selesai dibahas bersama Bappeda") String alasan) {
    }

    @Schema(name = "StatusEvaluasiResult", description = "The status of one triwulan after the change, and the months closed at the data owners")
    public record StatusResult(
            @Schema(example = "63.10") String pemda,
            @Schema(example = "2024") int tahun,
            @Schema(example = "P3AP2KB") String opd,
            @Schema(example = "2") int triwulan,
            Status status,
            @Schema(nullable = true) EvaluasiForm.Tanda disusun,
            @Schema(nullable = true) EvaluasiForm.Tanda dievaluasi,
            @Schema(description = "The last month closed in budget-service and indicator-service (3 × the highest DIEVALUASI triwulan; 0 when none)",
                    example = "6") int sampaiBulan) {
    }

    /** What the audit trail records of a status change. */
    record StatusAudit(int triwulan, Status status, String alasan, Integer sampaiBulan) {
    }

    /** The form of quarter n; 404 when the owners never announced anything of the OPD-year. */
    @Transactional
    public EvaluasiForm form(DpaRef dpa, int n) {
        var states = repository.states(dpa);
        if (states.isEmpty() && !repository.known(dpa)) {
            throw ProblemException.notFound("Data evaluasi Renja " + dpa.opd() + " " + dpa.tahun(), "opd");
        }
        return FormBuilder.build(dpa, n, Inputs.of(json, states), repository.quarter(dpa, n));
    }

    /** Replaces the four texts of quarter n; refused (409) once the quarter is DIEVALUASI. */
    @Transactional
    public Catatan catatan(DpaRef dpa, int n, Catatan body) {
        Violations v = new Violations();
        length(v, "faktorPendorong", body.faktorPendorong());
        length(v, "faktorPenghambat", body.faktorPenghambat());
        length(v, "tindakLanjutTriwulan", body.tindakLanjutTriwulan());
        length(v, "tindakLanjutRenja", body.tindakLanjutRenja());
        v.throwIfAny();
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        repository.serialize(dpa);
        EvaluasiRepository.Row before = repository.lockedQuarter(dpa, n);
        if (before.status() == Status.DIEVALUASI) {
            throw ProblemException.conflict("sudah-dievaluasi", "Sudah dievaluasi", "status",
                    "Evaluasi Renja triwulan " + ROMAWI[n] + " " + dpa.tahun() + " OPD " + dpa.opd()
                            + " sudah DIEVALUASI; catatan tidak dapat diubah sampai verifikator membukanya kembali (status DRAFT)");
        }
        Catatan after = body.normalized();
        if (!after.equals(before.catatan())) {
            repository.saveCatatan(dpa, n, after);
            audit.record(new Change("evaluasi.catatan", dpa.pemda(), dpa.tahun(), dpa.opd(), null, "evaluasi/" + n + "/catatan",
                    before.catatan(), after));
        }
        return after;
    }

    /** Reads the request and checks the caller's role for the target status: 422 or 403 before anything happens. */
    public Status check(DpaRef dpa, StatusRequest r) {
        if (r == null) {
            throw ProblemException.badRequest("body", "diharapkan {\"status\": \"DRAFT\"|\"DISUSUN\"|\"DIEVALUASI\", \"alasan\": ...}");
        }
        Status target = null;
        if (r.status() != null) {
            try {
                target = Status.valueOf(r.status().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                target = null;
            }
        }
        if (target == null) {
            throw ProblemException.invalid("status", "harus salah satu dari DRAFT, DISUSUN, DIEVALUASI");
        }
        Caller c = callers.current();
        Action rule = target == Status.DISUSUN ? Action.WRITE : Action.LOCK;
        if (!rule.allows(c, dpa.pemda(), dpa.opd())) {
            throw ProblemException.forbidden("token dengan peran " + c.roles().stream().map(Role::claim).sorted().toList()
                    + (c.pemda() == null ? " tanpa pemda" : " untuk pemda " + c.pemda()) + (c.opd() == null ? "" : " opd " + c.opd())
                    + " tidak boleh " + (target == Status.DISUSUN ? "menyatakan DISUSUN (operator OPD itu atau admin)"
                            : target == Status.DIEVALUASI ? "menyatakan DIEVALUASI (verifikator atau admin)"
                            : "membuka kembali (verifikator atau admin)")
                    + " evaluasi Renja pemda " + dpa.pemda() + " opd " + dpa.opd());
        }
        Violations v = new Violations();
        String alasan = r.alasan() == null || r.alasan().isBlank() ? null : r.alasan().strip();
        if (target == Status.DRAFT) {
            v.check(alasan != null, "alasan", "wajib diisi untuk membuka kembali evaluasi");
        }
        v.check(alasan == null || alasan.length() <= ALASAN_MAX, "alasan", "paling panjang " + ALASAN_MAX + " karakter");
        v.throwIfAny();
        return target;
    }

    /**
     * Moves quarter n to {@code target} (checked by {@link #check}). Holds the OPD-year's advisory lock for the whole
     * sign-off; the report's own change commits in its own transaction, before or after the owners as the direction needs.
     */
    @Transactional
    public StatusResult status(DpaRef dpa, int n, Status target, String alasanText) {
        String alasan = alasanText == null || alasanText.isBlank() ? null : alasanText.strip();
        locks.ensureOpen(dpa.pemda(), dpa.tahun(), dpa.opd());
        repository.serialize(dpa);
        Map<Integer, Status> all = repository.statuses(dpa);
        Status current = all.getOrDefault(n, Status.DRAFT);
        if (current != target && !current.canBecome(target)) {
            throw ProblemException.conflict("status-tidak-valid", "Status tidak valid", "status",
                    "Evaluasi Renja triwulan " + ROMAWI[n] + " berstatus " + current + "; tidak dapat menjadi " + target
                            + " (DRAFT → DISUSUN → DIEVALUASI; DISUSUN atau DIEVALUASI → DRAFT)");
        }
        all.put(n, target);
        int sampaiBulan = 3 * all.entrySet().stream().filter(e -> e.getValue() == Status.DIEVALUASI)
                .mapToInt(Map.Entry::getKey).max().orElse(0);
        String label = "Evaluasi Renja triwulan " + ROMAWI[n] + " " + dpa.tahun();
        if (target == Status.DIEVALUASI) {
            owners.set(dpa, sampaiBulan, label + " dievaluasi" + (alasan == null ? "" : ": " + alasan),
                    "Evaluasi Renja triwulan " + ROMAWI[n] + " tetap berstatus " + current + ".");
        }
        if (current != target) {
            Caller who = callers.current();
            // The year was checked open above, and its shared lock is held by this (outer) transaction until the
            // end: no year lock can commit before this write does. Taking it again here, from a second connection,
            // could queue behind a waiting year lock that waits for us.
            QuarkusTransaction.requiringNew().run(() -> {
                repository.saveStatus(dpa, n, target, who.subject(), who.name());
                audit.record(new Change("evaluasi.status", dpa.pemda(), dpa.tahun(), dpa.opd(), null, "evaluasi/" + n,
                        new StatusAudit(n, current, null, null),
                        new StatusAudit(n, target, alasan, target == Status.DISUSUN ? null : sampaiBulan)));
            });
        }
        if (target == Status.DRAFT) {
            owners.set(dpa, sampaiBulan, label + " dibuka kembali: " + alasan,
                    "Evaluasi Renja triwulan " + ROMAWI[n] + " sudah berstatus DRAFT.");
        }
        EvaluasiRepository.Row now = repository.quarter(dpa, n);
        return new StatusResult(dpa.pemda(), dpa.tahun(), dpa.opd(), n, now.status(), now.disusun(), now.dievaluasi(), sampaiBulan);
    }

    private static void length(Violations v, String field, String text) {
        v.check(text == null || text.length() <= Catatan.MAX_LENGTH, field, "paling panjang " + Catatan.MAX_LENGTH + " karakter");
    }
}
