package id.capaian.core.security;

import id.capaian.core.http.HttpConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A second HTTP port, {@code capaian.http.internal-port} (0, the default: none), serving the same routes as the
 * public one and, only there, the {@link Internal} operations. The Ingress routes the public port; a
 * NetworkPolicy opens the internal one to report-service alone.
 */
@ApplicationScoped
public class InternalPort {

    private static final Logger LOG = Logger.getLogger(InternalPort.class);

    @Inject HttpConfig http;
    /** The HTTP extension's own property (its configuration is no API of ours to map): read as it is. */
    @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host;

    private volatile HttpServer server;

    /** Whether a request that arrived on {@code localPort} may call an internal operation. */
    public boolean admits(int localPort) {
        int port = http.internalPort();
        return port == 0 || localPort == port;
    }

    void start(@Observes Router router, Vertx vertx) {
        int port = http.internalPort();
        if (port == 0) {
            return;
        }
        try {
            server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)).requestHandler(router)
                    .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            LOG.infof("internal port %d (operations only report-service calls)", port);
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on the internal port " + port, e);
        }
    }

    void stop(@Observes ShutdownEvent e) {
        if (server != null) {
            server.close();
        }
    }
}
