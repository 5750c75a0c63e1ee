package id.capaian.indicator.domain;

import id.capaian.core.domain.DpaRef;
import id.capaian.core.outbox.Outbox;
import id.capaian.core.persistence.DryRun;
import id.capaian.core.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One import of an OPD's table in ONE transaction: the nodes' indicator lists, then the realizations of each
 * month, then the physical progress of each month, each by the same service method as its own bulk PUT (same
 * rules, same audit); of the events, each subject's last is published ({@link Outbox#hold}). A refusal of any part
 * rolls all of it back and names the part ({@code nodes[3].indikator[0].satuan}, {@code realisasi[0].items[2].nilai}).
 * A dry run does everything but the audit entries and events ({@link DryRun}) and then rolls back: nothing is
 * written, audited or published.
 */
@ApplicationScoped
public class IndicatorImport {

    @Inject IndicatorService service;
    @Inject DryRun dry;
    @Inject Outbox outbox;

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
        } else {
            outbox.hold(); // an indicator is announced by its list and by its realization; its last event says it all
        }
        List<Indicator> live = new ArrayList<>(part("nodes", () -> service.replaceIndicators(dpa, nodes, keepOthers)));
        for (int i = 0; i < realisasi.size(); i++) {
            RealisasiMonth m = realisasi.get(i);
            part("realisasi[" + i + "].items", () -> service.setRealisasi(dpa, m.bulan(), m.items()));
        }
        List<IndicatorService.Summary> summaries = new ArrayList<>();
        for (int i = 0; i < progres.size(); i++) {
            ProgresMonth m = progres.get(i);
            summaries.add(part("progres[" + i + "].items", () -> service.setProgres(dpa, m.bulan(), m.items())));
        }
        live.sort(IndicatorService.ORDER);
        List<V> views = live.stream().map(view).toList();
        if (dryRun) {
            dry.end();
        } else {
            outbox.release();
        }
        return new Result<>(views, List.copyOf(summaries));
    }

    private static <T> T part(String name, Supplier<T> write) {
        try {
            return write.get();
        } catch (ProblemException e) {
            throw e.within(name);
        }
    }
}
