package id.capaian.indicator.events;

import id.capaian.core.outbox.CloudEvent;
import id.capaian.core.outbox.Outbox;
import id.capaian.indicator.domain.Indicator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Announces a committed change of an indicator through the transactional outbox. */
@ApplicationScoped
public class IndicatorEvents {

    @Inject Outbox outbox;

    /**
     * Takes the indicator's next version and appends its full state to the outbox, in the caller's
     * transaction: the change and its event commit together or not at all. Call once per changed
     * indicator per transaction, after every change to it.
     */
    @Transactional(TxType.MANDATORY)
    public CloudEvent<IndicatorRealizationUpdated> changed(Indicator indicator) {
        long version = indicator.bump();
        return outbox.append(IndicatorRealizationUpdated.TYPE, indicator.subject(), version,
                IndicatorRealizationUpdated.of(indicator));
    }
}
