package id.capaian.indicator.republish;

import id.capaian.core.republish.CurrentStates;
import id.capaian.core.republish.Republication;
import id.capaian.indicator.domain.Indicator;
import id.capaian.indicator.domain.IndicatorRepository;
import id.capaian.indicator.domain.IndicatorService;
import id.capaian.indicator.domain.ProgresSeri;
import id.capaian.indicator.domain.Sasaran;
import id.capaian.indicator.events.IndicatorRealizationUpdated;
import id.capaian.indicator.events.ProgresUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every indicator (removed ones included) and every physical progress series of a pemda-year that has been
 * announced, as its event carries it, with its node's current sasaran.
 */
@ApplicationScoped
public class IndicatorStates implements CurrentStates {

    @Inject IndicatorRepository repository;

    @Override
    public List<Republication.Subjek> of(String pemda, int tahun) {
        List<Republication.Subjek> out = new ArrayList<>();
        Map<String, String> sasaran = new HashMap<>();
        for (Sasaran s : repository.sasaran(pemda, tahun)) {
            sasaran.put(s.key.opd + "/" + s.key.kode, s.teks);
        }
        List<Indicator> indicators = new ArrayList<>(repository.announced(pemda, tahun));
        indicators.sort(Comparator.comparing((Indicator i) -> i.opd).thenComparing(IndicatorService.ORDER));
        for (Indicator i : indicators) {
            i.sasaran = sasaran.get(i.opd + "/" + i.kode);
            out.add(new Republication.Subjek(i.subject(), IndicatorRealizationUpdated.TYPE,
                    IndicatorRealizationUpdated.DATASCHEMA, i.version, IndicatorRealizationUpdated.of(i)));
        }
        List<ProgresSeri> progres = new ArrayList<>(repository.announcedProgres(pemda, tahun));
        progres.sort(Comparator.comparing(ProgresSeri::subject));
        for (ProgresSeri s : progres) {
            out.add(new Republication.Subjek(s.subject(), ProgresUpdated.TYPE, null, s.version, ProgresUpdated.of(s)));
        }
        return out;
    }
}
