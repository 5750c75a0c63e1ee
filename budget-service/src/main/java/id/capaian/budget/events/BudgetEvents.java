package id.capaian.budget.events;

import id.capaian.budget.domain.DpaNode;
import id.capaian.budget.domain.Tree;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Announces the new state of a changed sub kegiatan: bumps its version and makes one
 * {@code budget.realization-updated} message for the outbox, inside the caller's transaction.
 * The caller holds the sub kegiatan's row lock, so versions of one subject never collide.
 */
@ApplicationScoped
public class BudgetEvents {

    /**
     * The sub kegiatan's event, to be appended by the caller with the others of its transaction
     * ({@link Outbox#appendAll}); the version is bumped here.
     *
     * @param series the sub kegiatan's monthly cumulative realizations after the change (month → jumlah)
     */
    public Outbox.Pending event(DpaRef dpa, DpaNode sub, DpaNode kegiatan, DpaNode program,
            NavigableMap<Integer, BigDecimal> series) {
        RealizationUpdated data = data(dpa, sub, kegiatan, program, series);
        sub.version = sub.version + 1;
        return new Outbox.Pending(RealizationUpdated.TYPE, RealizationUpdated.DATASCHEMA, dpa.subject(sub.kode),
                sub.version, data);
    }

    /** The sub kegiatan's full current state, as its event carries it (its version is the caller's to take). */
    public static RealizationUpdated data(DpaRef dpa, DpaNode sub, DpaNode kegiatan, DpaNode program,
            NavigableMap<Integer, BigDecimal> series) {
        if (!sub.isSubKegiatan()) {
            throw new IllegalArgumentException(sub.kode + " is not a sub kegiatan");
        }
        Map.Entry<Integer, BigDecimal> latest = series.isEmpty() ? null : series.lastEntry();
        return new RealizationUpdated(dpa.pemda(), dpa.tahun(), dpa.opd(), sub.kode, sub.uraian,
                ref(kegiatan), ref(program), sub.pagu, sub.paguMurniOrPagu(),
                latest == null ? Tree.ZERO : latest.getValue(),
                latest == null ? null : latest.getKey(),
                series.entrySet().stream().map(e -> new RealizationUpdated.Bulanan(e.getKey(), e.getValue())).toList(),
                sub.rak == null ? null : List.of(sub.rak), sub.renstra(), sub.removed);
    }

    private static RealizationUpdated.Ref ref(DpaNode n) {
        return n == null ? null : new RealizationUpdated.Ref(n.kode, n.uraian, n.renstra());
    }
}
