package id.capaian.core.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a declared body larger than {@code capaian.http.max-body-size} bytes (default 4 MiB) with a
 * 413 problem before it is read. quarkus.http.limits.max-body-size stays above it as the hard cap for
 * bodies that declare no length.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    private final long limit = ConfigProvider.getConfig()
            .getOptionalValue("capaian.http.max-body-size", Long.class).orElse(4L * 1024 * 1024);

    @Override
    public void filter(ContainerRequestContext request) {
        int length = request.getLength();
        if (length > limit) {
            throw new ProblemException(413, "isi-terlalu-besar", "Isi permintaan terlalu besar",
                    "Isi permintaan " + length + " byte melebihi batas " + limit + " byte",
                    List.of(new Problem.FieldError("body", "paling besar " + limit + " byte")));
        }
    }
}
