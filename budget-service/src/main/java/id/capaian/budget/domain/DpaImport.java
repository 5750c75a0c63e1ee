package id.capaian.budget.domain;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.outbox.Outbox;
import id.capaian.core.persistence.DryRun;
import id.capaian.core.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One import of an OPD's table in ONE transaction: its nodes, then the cash plans (RAK), then the realizations of
 * each month, each by the same service method as its own bulk PUT (same rules, same audit), from specs the caller
 * validated; of the events, each sub kegiatan's last is published ({@link Outbox#hold}). A refusal of any part rolls
 * all of it back and names the part ({@code nodes[3].pagu}, {@code rak[1].bulan}, {@code realisasi[0].items[2].jumlah}).
 * A dry run does everything but the audit entries and events ({@link DryRun}) and then rolls back: nothing is
 * written, audited or published, and the answer says what the owner's own rules think of the bundle.
 */
@ApplicationScoped
public class DpaImport {

    @Inject DpaService service;
    @Inject DryRun dry;
    @Inject Outbox outbox;

    /** The cumulative realizations of one month. */
    public record Month(int bulan, List<RealisasiSpec> items) {
    }

    /** What to apply, validated; rak and realisasi may be empty. */
    public record Bundle(List<NodeSpec> nodes, List<RakSpec> rak, List<Month> realisasi) {
    }

    /** What each part did (rak null when none was sent); in a dry run, what it would have done. */
    public record Result(DpaService.Summary nodes, DpaService.Summary rak, List<DpaService.Summary> realisasi) {
    }

    @Transactional
    public Result apply(DpaRef ref, Bundle bundle, boolean dryRun) {
        if (dryRun) {
            dry.begin();
        } else {
            outbox.hold(); // a sub kegiatan is announced by up to three parts; its last event says it all
        }
        DpaService.Summary nodes = part("nodes", () -> service.upsertNodes(ref, bundle.nodes()));
        DpaService.Summary rak = bundle.rak() == null || bundle.rak().isEmpty() ? null
                : part("rak", () -> service.setRak(ref, bundle.rak()));
        List<DpaService.Summary> realisasi = new ArrayList<>();
        List<Month> months = bundle.realisasi() == null ? List.of() : bundle.realisasi();
        for (int i = 0; i < months.size(); i++) {
            Month m = months.get(i);
            realisasi.add(part("realisasi[" + i + "].items", () -> service.setRealisasi(ref, m.bulan(), m.items())));
        }
        if (dryRun) {
            dry.end();
        } else {
            outbox.release();
        }
        return new Result(nodes, rak, List.copyOf(realisasi));
    }

    private static <T> T part(String name, Supplier<T> write) {
        try {
            return write.get();
        } catch (ProblemException e) {
            throw e.within(name);
        }
    }
}
