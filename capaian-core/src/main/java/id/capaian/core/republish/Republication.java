package id.capaian.core.republish;

import id.capaian.core.audit.AuditTrail;
import id.capaian.core.audit.Change;
import id.capaian.core.outbox.Outbox;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Re-publishes an owner's current state of a pemda-year: starts a new epoch ({@link Outbox#newEpoch()}) and
 * appends one event per subject with its full current state and its current version, in one transaction with
 * an audit entry. A consumer orders by (epoch, version), so the re-published states replace whatever it holds,
 * even the higher versions of a state this owner lost when its database was restored from a backup; and every
 * later change (same new epoch, higher version) replaces them in turn. The operator's restore procedure:
 * restore the owner's database, start the owner, then re-publish each affected pemda-year.
 */
@ApplicationScoped
@IfBuildProperty(name = "capaian.outbox.enabled", stringValue = "true")
public class Republication {

    /** One subject's current state: its event type, data schema (null: version 1), version and data. */
    public record Subjek(
            @Schema(example = "63.10/2024/P3AP2KB/2.08.02.2.01.0003") String subject,
            @Schema(example = "budget.realization-updated") String type,
            @Schema(nullable = true, description = "The data's schema version, null for a first-version event") String dataschema,
            @Schema(example = "3") long version,
            @Schema(description = "The data of the subject's event: its full current state") Object data) {
    }

    /** The current state of every subject of a pemda-year, and the epoch it is in. */
    public record Keadaan(String pemda, int tahun, long epoch, List<Subjek> subjek) {
    }

    /** What a re-publication did: the new epoch and the number of events appended. */
    public record Hasil(String pemda, int tahun, long epoch, int events) {
    }

    @Inject Outbox outbox;
    @Inject AuditTrail audit;
    @Inject CurrentStates states;

    @Transactional
    public Keadaan current(String pemda, int tahun) {
        return new Keadaan(pemda, tahun, outbox.epoch(), states.of(pemda, tahun));
    }

    /**
     * No year-lock check on purpose: re-publishing changes no data, and a locked (final) year's read model must
     * be repairable too.
     */
    @Transactional
    public Hasil republish(String pemda, int tahun) {
        long epoch = outbox.newEpoch(); // waits for writers in flight; later writers wait for this commit
        List<Subjek> all = states.of(pemda, tahun);
        for (Subjek s : all) {
            outbox.append(s.type(), s.dataschema(), s.subject(), s.version(), s.data());
        }
        Hasil done = new Hasil(pemda, tahun, epoch, all.size());
        audit.record(new Change("republikasi", pemda, tahun, null, null, "republikasi", null, done));
        return done;
    }
}
