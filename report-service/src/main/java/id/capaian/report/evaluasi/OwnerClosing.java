package id.capaian.report.evaluasi;

import id.capaian.core.domain.DpaRef;
import id.capaian.report.owners.OwnerLocks;

import id.capaian.core.lock.PenutupanRequest;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.owners.BudgetClient;
import id.capaian.report.owners.IndicatorClient;
import id.capaian.report.owners.OwnerFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Sets the months closed for one OPD-year where the realizations are written: budget-service, then
 * indicator-service, with the caller's token (as the year lock does, lock/OwnerLocks). Both PUTs are
 * idempotent: after a failure the same sign-off again completes the change.
 */
@ApplicationScoped
public class OwnerClosing {

    private static final Logger LOG = Logger.getLogger(OwnerClosing.class);

    @Inject @RestClient BudgetClient budget;
    @Inject @RestClient IndicatorClient indicator;

    /** Sets sampaiBulan in both owners; 502 naming the owner that failed, {@code reportState} saying where the report stands. */
    public void set(DpaRef dpa, int sampaiBulan, String alasan, String reportState) {
        PenutupanRequest r = new PenutupanRequest(sampaiBulan, alasan);
        List<String> done = new ArrayList<>();
        call(BudgetClient.SERVICE, done, sampaiBulan, reportState,
                () -> budget.putPenutupan(dpa.pemda(), dpa.tahun(), dpa.opd(), r));
        call(IndicatorClient.SERVICE, done, sampaiBulan, reportState,
                () -> indicator.putPenutupan(dpa.pemda(), dpa.tahun(), dpa.opd(), r));
    }

    private static void call(String service, List<String> done, int sampaiBulan, String reportState, Runnable put) {
        String cause;
        List<FieldError> errors = new ArrayList<>();
        try {
            put.run();
            done.add(service);
            return;
        } catch (OwnerFailure f) {
            cause = "menjawab " + f.status() + (f.type() == null ? "" : " " + f.type())
                    + (f.ownerDetail() == null ? "" : ": " + f.ownerDetail());
            f.errors().forEach(e -> errors.add(new FieldError(service + ": " + e.field(), e.message())));
        } catch (ProcessingException e) {
            cause = "tidak dapat dihubungi: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
        LOG.warnf("penutupan sampai bulan %d not set in %s: %s", sampaiBulan, service, cause);
        errors.add(0, new FieldError(service, "penutupan bulan tidak dapat diubah"));
        String partial = done.isEmpty() ? "" : " Di " + String.join(" dan ", done) + " penutupan sudah diubah.";
        throw new ProblemException(502, "layanan-gagal", "Penutupan bulan tidak dapat diubah di " + service,
                service + " " + cause + "." + partial + " " + reportState + " Kirim ulang permintaan yang sama untuk "
                        + "menuntaskannya (aman, idempoten).", errors);
    }
}
