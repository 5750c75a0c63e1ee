package id.capaian.indicator.events;

import id.capaian.core.outbox.CloudEvent;
import id.capaian.core.outbox.Outbox;
import id.capaian.indicator.domain.Indicator;
import id.capaian.indicator.domain.ProgresSeri;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Announces committed changes of indicators and of physical progress through the transactional outbox. */
@ApplicationScoped
public class IndicatorEvents {

    @Inject Outbox outbox;

    /**
     * Takes the indicator's next version and appends its full state (data schema version 2, with the node's
     * sasaran the caller has set on it) to the outbox, in the caller's transaction: the change and its event
     * commit together or not at all. Call once per changed indicator per transaction, after every change to it.
     */
    @Transactional(TxType.MANDATORY)
    public CloudEvent<IndicatorRealizationUpdated> changed(Indicator indicator) {
        long version = indicator.bump();
        return outbox.append(IndicatorRealizationUpdated.TYPE, IndicatorRealizationUpdated.DATASCHEMA,
                indicator.subject(), version, IndicatorRealizationUpdated.of(indicator));
    }

    /**
     * As {@link #changed(Indicator)}, but the message is returned to be appended by the caller with the others
     * of its transaction ({@link Outbox#appendAll}); the version is taken here.
     */
    public Outbox.Pending event(Indicator indicator) {
        long version = indicator.bump();
        return new Outbox.Pending(IndicatorRealizationUpdated.TYPE, IndicatorRealizationUpdated.DATASCHEMA,
                indicator.subject(), version, IndicatorRealizationUpdated.of(indicator));
    }

    /** As {@link #changed(ProgresSeri)}, returned to be appended by the caller. */
    public Outbox.Pending event(ProgresSeri progres) {
        long version = progres.bump();
        return new Outbox.Pending(ProgresUpdated.TYPE, null, progres.subject(), version, ProgresUpdated.of(progres));
    }

    /** The same for a sub kegiatan's physical progress series ({@code indicator.progres-updated}). */
    @Transactional(TxType.MANDATORY)
    public CloudEvent<ProgresUpdated> changed(ProgresSeri progres) {
        long version = progres.bump();
        return outbox.append(ProgresUpdated.TYPE, progres.subject(), version, ProgresUpdated.of(progres));
    }
}
