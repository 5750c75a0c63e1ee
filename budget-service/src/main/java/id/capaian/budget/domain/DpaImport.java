package id.capaian.budget.domain;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.persistence.DryRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * One import of an OPD's table in ONE transaction and one pass ({@link DpaService#importBundle}): its nodes, then the
 * cash plans (RAK), then the realizations of each month, by the same rules as their own PUTs (same audit), from specs
 * the caller validated; each changed sub kegiatan is announced once, with its final state. A refusal of any part rolls
 * all of it back and names the part ({@code nodes[3].pagu}, {@code rak[1].bulan}, {@code realisasi[0].items[2].jumlah}).
 * A dry run runs every rule and writes nothing ({@link DryRun}): no row, audit entry or event; the answer says what
 * the owner's own rules think of the bundle.
 */
@ApplicationScoped
public class DpaImport {

    @Inject DpaService service;
    @Inject DryRun dry;

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
        }
        Result done = service.importBundle(ref, bundle.nodes(), bundle.rak() == null ? List.of() : bundle.rak(),
                bundle.realisasi() == null ? List.of() : bundle.realisasi());
        if (dryRun) {
            dry.end();
        }
        return done;
    }
}
