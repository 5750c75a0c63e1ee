package id.capaian.core.problem;

import id.capaian.core.http.HttpConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a declared body larger than {@code capaian.http.max-body-size} bytes (default 4 MiB) with a
 * 413 problem before it is read. quarkus.http.limits.max-body-size stays above it as the hard cap for
 * bodies that declare no length. A bean with a filter method rather than a JAX-RS provider: providers are built
 * while the application is initialised statically, before the runtime configuration ({@link HttpConfig}) exists.
 */
@ApplicationScoped
public class BodySizeLimit {

    @Inject HttpConfig http;

    @ServerRequestFilter(preMatching = true)
    public void filter(ContainerRequestContext request) {
        int length = request.getLength();
        long limit = http.maxBodySize();
        if (length > limit) {
            throw new ProblemException(413, "isi-terlalu-besar", "Isi permintaan terlalu besar",
                    "Isi permintaan " + length + " byte melebihi batas " + limit + " byte",
                    List.of(new Problem.FieldError("body", "paling besar " + limit + " byte")));
        }
    }
}
