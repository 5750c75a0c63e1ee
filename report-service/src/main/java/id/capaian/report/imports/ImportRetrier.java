package id.capaian.report.imports;

import id.capaian.report.owners.IndicatorClient;
import id.capaian.report.owners.IndicatorImportClient;
import id.capaian.report.owners.OwnerFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Completes imports whose indicator-service part is pending (status MENUNGGU): every
 * {@code capaian.import.retry.interval} it takes the due plans (row-locked, so two replicas never send the same one,
 * and a newer import of the same OPD waits for a retry under way before superseding it), sends each plan to
 * indicator-service's import bundle (an idempotent PUT of the full state) and marks it SELESAI, or counts the
 * failure and waits twice as long (from {@code retry.initial-delay} up to {@code retry.max-delay}).
 *
 * <p>The owner checks the token of the caller who imported, as for the import itself. That token is kept in memory
 * only (never stored): a plan whose token is gone (report-service restarted) or refused (expired) stays MENUNGGU and
 * says so; sending the same file again completes it (a new import supersedes the pending plan).
 */
@ApplicationScoped
public class ImportRetrier {

    private static final Logger LOG = Logger.getLogger(ImportRetrier.class);

    @Inject ImportRuns runs;
    @Inject ImportLimits limits;
    @Inject @RestClient IndicatorImportClient indicator;

    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent e) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "import-retrier");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, limits.retry().interval().toMillis());
        timer.scheduleWithFixedDelay(this::safely, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent e) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The caller's Authorization header for the retries of {@code id}, in memory only. */
    public void remember(UUID id, String authorization) {
        if (authorization != null) {
            tokens.put(id, authorization);
        }
    }

    private void safely() {
        try {
            retryDue();
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "import retrier: %s", ex.getMessage());
        }
    }

    /** One pass: every due plan with a token is tried once. Answers how many were completed. */
    public int retryDue() {
        int completed = 0;
        for (int i = 0; i < 50; i++) {
            Boolean done = QuarkusTransaction.requiringNew().timeout(300).call(this::retryOne);
            if (done == null) {
                break;
            }
            completed += done ? 1 : 0;
        }
        return completed;
    }

    /** Retries the oldest due plan that has a token, inside the caller's transaction; null when there is none. */
    private Boolean retryOne() {
        List<ImportRuns.Run> due = runs.lockDue(20);
        ImportRuns.Run run = due.stream().filter(r -> tokens.containsKey(r.id())).findFirst().orElse(null);
        for (ImportRuns.Run r : due) {
            if (!tokens.containsKey(r.id())) {
                runs.postpone(r.id(), "menunggu: token pengimpor tidak lagi tersedia di report-service (dimulai ulang); "
                        + "kirim ulang berkas yang sama untuk menuntaskan impor", limits.retry().maxDelay());
            }
        }
        if (run == null) {
            return null;
        }
        Duration next = backoff(run.percobaan() + 1);
        try {
            indicator.impor(run.pemda(), run.tahun(), run.opd(), false, CapaianImport.KEEP, tokens.get(run.id()),
                    runs.plan(run));
        } catch (OwnerFailure f) {
            if (f.status() == 401 || f.status() == 403) {
                tokens.remove(run.id());
            }
            runs.retryLater(run.id(), IndicatorClient.SERVICE + " menjawab " + f.status()
                    + (f.ownerDetail() == null ? "" : ": " + f.ownerDetail())
                    + (f.status() < 500 ? "; kirim ulang berkas yang sama untuk menuntaskan impor" : ""), next);
            return false;
        } catch (ProcessingException e) {
            runs.retryLater(run.id(), IndicatorClient.SERVICE + " tidak dapat dihubungi: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), next);
            return false;
        }
        runs.completed(run.id());
        tokens.remove(run.id());
        LOG.infof("import %s into %s/%d/%s completed: indicator-service written after %d attempt(s)", run.id(), run.pemda(),
                run.tahun(), run.opd(), run.percobaan() + 1);
        return true;
    }

    /** initial-delay × 2^(attempts-1), at most max-delay. */
    Duration backoff(int attempts) {
        Duration d = limits.retry().initialDelay();
        for (int i = 1; i < attempts && d.compareTo(limits.retry().maxDelay()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(limits.retry().maxDelay()) > 0 ? limits.retry().maxDelay() : d;
    }
}
