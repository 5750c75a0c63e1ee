package id.capaian.indicator.domain;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.persistence.DryRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One import of an OPD's table in ONE transaction and one pass ({@link IndicatorService#importBundle}): the nodes'
 * indicator lists, then the realizations of each month, then the physical progress of each month, by the same rules
 * as their own PUTs (same audit); each changed indicator and series is announced once, with its final state. A
 * refusal of any part rolls all of it back and names the part ({@code nodes[3].indikator[0].satuan},
 * {@code realisasi[0].items[2].nilai}). A dry run runs every rule and writes nothing ({@link DryRun}): no row, audit
 * entry or event.
 */
@ApplicationScoped
public class IndicatorImport {

    @Inject IndicatorService service;
    @Inject DryRun dry;

    public record RealisasiMonth(int bulan, List<RealisasiSpec> items) {
    }

    public record ProgresMonth(int bulan, List<ProgresSpec> items) {
    }

    /** @param live the live indicators of the bundle's nodes, as {@code view} shows them (read inside the transaction) */
    public record Result<V>(List<V> live, List<IndicatorService.Summary> progres) {
    }

    @Transactional
    public <V> Result<V> apply(DpaRef dpa, List<NodeSpec> nodes, boolean keepOthers, List<RealisasiMonth> realisasi,
            List<ProgresMonth> progres, boolean dryRun, Function<Indicator, V> view) {
        if (dryRun) {
            dry.begin();
        }
        IndicatorService.Imported imported = service.importBundle(dpa, nodes, keepOthers, realisasi, progres);
        List<Indicator> live = new ArrayList<>(imported.live());
        live.sort(IndicatorService.ORDER);
        List<V> views = live.stream().map(view).toList();
        if (dryRun) {
            dry.end();
        }
        return new Result<>(views, imported.progres());
    }
}
