package id.capaian.indicator.events;

import id.capaian.core.outbox.Outbox;
import id.capaian.indicator.domain.Indicator;
import id.capaian.indicator.domain.ProgresSeri;
import jakarta.enterprise.context.ApplicationScoped;

/** The messages of changed indicators and of physical progress, for the caller to append to the transactional outbox. */
@ApplicationScoped
public class IndicatorEvents {

    /**
     * Takes the indicator's next version and makes its message: its full state (data schema version 2, with the
     * node's sasaran the caller has set on it), to be appended by the caller with the others of its transaction
     * ({@link Outbox#appendAll}). Call once per changed indicator per transaction, after every change to it.
     */
    public Outbox.Pending event(Indicator indicator) {
        long version = indicator.bump();
        return new Outbox.Pending(IndicatorRealizationUpdated.TYPE, IndicatorRealizationUpdated.DATASCHEMA,
                indicator.subject(), version, IndicatorRealizationUpdated.of(indicator));
    }

    /** The same for a sub kegiatan's physical progress series ({@code indicator.progres-updated}). */
    public Outbox.Pending event(ProgresSeri progres) {
        long version = progres.bump();
        return new Outbox.Pending(ProgresUpdated.TYPE, null, progres.subject(), version, ProgresUpdated.of(progres));
    }
}
