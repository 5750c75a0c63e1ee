package id.capaian.core.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The HTTP settings of our own (Quarkus's are under quarkus.http). */
@ConfigMapping(prefix = "capaian.http")
public interface HttpConfig {

    /**
     * A second HTTP port where the internal operations answer (0: none; then they answer on the public port).
     * See {@link id.capaian.core.security.InternalPort}.
     */
    @WithDefault("0")
    int internalPort();

    /**
     * Declared bodies above this many bytes are refused with a 413 problem before they are read
     * ({@link id.capaian.core.problem.BodySizeLimit}); quarkus.http.limits.max-body-size stays above it.
     */
    @WithDefault("4194304")
    long maxBodySize();

    /**
     * API requests handled at once from which the next is refused with 503 at once ({@link InFlightLimit}): an
     * overload then costs the clients a retry, not the service its heap. Far above what the worker pool and the
     * database pool serve at once, so that only a queue that would keep growing is cut.
     */
    @WithDefault("128")
    int maxInFlight();
}
