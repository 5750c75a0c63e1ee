package id.capaian.report.owners;

import id.capaian.core.lock.LockRequest;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Sets a year lock where the data is written: budget-service, then indicator-service, with the caller's
 * token. Report-service records its own lock only after both have it, so a FINAL report never shows
 * numbers an owner can still change. Both PUTs are idempotent: after a failure, the same request again
 * completes the change.
 */
@ApplicationScoped
public class OwnerLocks {

    private static final Logger LOG = Logger.getLogger(OwnerLocks.class);

    @Inject @RestClient BudgetClient budget;
    @Inject @RestClient IndicatorClient indicator;

    /** Sets the lock in both owners; 502 naming the owner that failed (nothing changed in report-service). */
    public void set(String pemda, int tahun, LockRequest request) {
        List<String> done = new ArrayList<>();
        call(BudgetClient.SERVICE, done, () -> budget.putKunci(pemda, tahun, request));
        call(IndicatorClient.SERVICE, done, () -> indicator.putKunci(pemda, tahun, request));
    }

    private static void call(String service, List<String> done, Runnable put) {
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
        LOG.warnf("year lock not set in %s: %s", service, cause);
        errors.add(0, new FieldError(service, "kunci tidak dapat diubah"));
        String partial = done.isEmpty() ? "" : " Di " + String.join(" dan ", done) + " kunci sudah diubah.";
        throw new ProblemException(502, "layanan-gagal", "Kunci tidak dapat diubah di " + service,
                service + " " + cause + "." + partial + " Kunci di report-service tidak diubah; kirim ulang permintaan"
                        + " yang sama untuk menuntaskannya (aman, idempoten).", errors);
    }
}
