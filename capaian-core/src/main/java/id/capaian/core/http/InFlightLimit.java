package id.capaian.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.problem.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds load instead of queueing it: while {@code capaian.http.max-in-flight} API requests are being handled, the next
 * one is answered 503 {@code layanan-tidak-tersedia} with {@code Retry-After} at once, on the event loop, before it
 * reaches the worker pool. Without a bound an overload (more requests per second than the service completes) queues
 * in the heap until the service exits on OutOfMemoryError: budget-service did at ~375 realization PUTs/s offered in
 * the bench (session 12), with its 96 MB heap. A refused request wrote nothing and every write is idempotent, so the
 * client sends it again. Health, metrics and the OpenAPI document are not counted and always answered.
 */
@ApplicationScoped
public class InFlightLimit {

    private final AtomicInteger inFlight = new AtomicInteger();

    @Inject HttpConfig http;
    @Inject ObjectMapper json;
    @Inject MeterRegistry metrics;

    private byte[] refusal;
    private Counter refused;

    void install(@Observes Router router) throws JsonProcessingException {
        refusal = json.writeValueAsBytes(new Problem("/problems/layanan-tidak-tersedia", "Layanan tidak tersedia", 503,
                "layanan sedang menangani sebanyak-banyaknya permintaan sekaligus; kirim ulang permintaan yang sama",
                null, List.of()));
        refused = Counter.builder("capaian.http.refused").description("API requests refused 503 by the in-flight limit")
                .register(metrics);
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::admit);
    }

    private void admit(RoutingContext rc) {
        if (inFlight.incrementAndGet() > http.maxInFlight()) {
            inFlight.decrementAndGet();
            refused.increment();
            rc.response().setStatusCode(503).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Retry-After", "2")
                    .end(Buffer.buffer(refusal));
            return;
        }
        rc.addEndHandler(done -> inFlight.decrementAndGet()); // answered, failed or its connection closed
        rc.next();
    }
}
