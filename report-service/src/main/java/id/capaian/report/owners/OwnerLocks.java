package id.capaian.report.owners;

import id.capaian.core.lock.LockRequest;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.kunci.KunciConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Sets a year lock where the data is written: budget-service, then indicator-service, with the caller's
 * token. Both PUTs are idempotent: after a failure, the same request again completes the change. The
 * caller (report-service's lock) decides the order around its own lock; a failure answers 502 saying the
 * state each part is in.
 */
@ApplicationScoped
public class OwnerLocks {

    private static final Logger LOG = Logger.getLogger(OwnerLocks.class);
    /** The owners' answer header: their events of the scope still in the outbox (core OutboxBacklog.HEADER). */
    static final String BACKLOG = "Capaian-Outbox-Tertunda";

    @Inject @RestClient BudgetClient budget;
    @Inject @RestClient IndicatorClient indicator;

    @Inject KunciConfig kunci;

    /**
     * Sets the lock in both owners. On a failure: 502 naming the owner that failed and the state of every part,
     * {@code report} being report-service's own state as the caller left it.
     */
    public void set(String pemda, int tahun, LockRequest request, String report) {
        Map<String, String> done = new LinkedHashMap<>();
        call(BudgetClient.SERVICE, request, report, done, () -> budget.putKunci(pemda, tahun, request));
        call(IndicatorClient.SERVICE, request, report, done, () -> indicator.putKunci(pemda, tahun, request));
    }

    /**
     * Waits (at most {@code capaian.kunci.drain-timeout}) until neither owner holds an event of the scope in its
     * outbox, so that every change made before the lock is on Kafka; 504 naming the owner when it does not drain.
     */
    public void awaitDrained(String pemda, int tahun, String opd, String report) {
        Duration drainTimeout = kunci.drainTimeout();
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        Map<String, Supplier<Response>> owners = new LinkedHashMap<>();
        owners.put(BudgetClient.SERVICE, () -> budget.getKunci(pemda, tahun, opd));
        owners.put(IndicatorClient.SERVICE, () -> indicator.getKunci(pemda, tahun, opd));
        Map<String, String> locked = new LinkedHashMap<>();
        owners.keySet().forEach(s -> locked.put(s, "terkunci"));
        for (Map.Entry<String, Supplier<Response>> o : owners.entrySet()) {
            long backoff = 50;
            while (true) {
                long pending = backlog(o.getKey(), o.getValue(), report, locked);
                if (pending == 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new ProblemException(504, "outbox-belum-terkirim", "Peristiwa " + o.getKey() + " belum terkirim",
                            o.getKey() + " masih menyimpan " + pending + " peristiwa lingkup ini yang belum terkirim ke Kafka"
                                    + " setelah " + drainTimeout.toSeconds() + " detik. " + states(locked, report)
                                    + " Kirim ulang permintaan yang sama untuk menuntaskannya (aman, idempoten).",
                            List.of(new FieldError(o.getKey(), pending + " peristiwa belum terkirim")));
                }
                try {
                    Thread.sleep(backoff); // polling an owner's outbox backlog, bounded by the drain timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                backoff = Math.min(backoff * 2, 1000);
            }
        }
    }

    private long backlog(String service, Supplier<Response> get, String report, Map<String, String> locked) {
        try (Response r = get.get()) {
            String h = r.getHeaderString(BACKLOG);
            return h == null ? 0 : Long.parseLong(h.trim());
        } catch (OwnerFailure | ProcessingException | NumberFormatException e) {
            LOG.warnf("outbox backlog of %s unknown: %s", service, e.getMessage());
            throw new ProblemException(502, "layanan-gagal", "Antrean peristiwa " + service + " tidak dapat dibaca",
                    service + " tidak menjawab antrean peristiwanya: " + e.getMessage() + ". " + states(locked, report)
                            + " Kirim ulang permintaan yang sama untuk menuntaskannya (aman, idempoten).",
                    List.of(new FieldError(service, "antrean peristiwa tidak dapat dibaca")));
        }
    }

    private static void call(String service, LockRequest request, String report, Map<String, String> done,
            Runnable put) {
        String cause;
        List<FieldError> errors = new ArrayList<>();
        try {
            put.run();
            done.put(service, request.terkunci() ? "terkunci" : "terbuka");
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
        Map<String, String> states = new LinkedHashMap<>(done);
        states.put(service, "gagal, belum " + (request.terkunci() ? "dikunci" : "dibuka"));
        for (String other : List.of(BudgetClient.SERVICE, IndicatorClient.SERVICE)) {
            states.putIfAbsent(other, "belum " + (request.terkunci() ? "dikunci" : "dibuka"));
        }
        throw new ProblemException(502, "layanan-gagal", "Kunci tidak dapat diubah di " + service,
                service + " " + cause + ". " + states(states, report)
                        + " Kirim ulang permintaan yang sama untuk menuntaskannya (aman, idempoten).", errors);
    }

    /** "Keadaan: budget-service terkunci, indicator-service terbuka, report-service DRAF." */
    static String states(Map<String, String> owners, String report) {
        List<String> parts = new ArrayList<>();
        owners.forEach((s, state) -> parts.add(s + " " + state));
        parts.add("report-service " + report);
        return "Keadaan: " + String.join(", ", parts) + ".";
    }
}
