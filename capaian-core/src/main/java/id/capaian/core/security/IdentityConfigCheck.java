package id.capaian.core.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses to start without a token verifier: a service that can verify no token would refuse everyone. */
public class IdentityConfigCheck {

    // The OIDC extension's own properties (its configuration is no API of ours to map): read as they are.
    @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> server;
    @ConfigProperty(name = "quarkus.oidc.public-key") Optional<String> key;

    void check(@Observes StartupEvent start) {
        if (server.isEmpty() && key.isEmpty()) {
            throw new IllegalStateException("No token issuer configured. Set QUARKUS_OIDC_AUTH_SERVER_URL to the pemda's"
                    + " OIDC issuer (e.g. https://sso.example.go.id/realms/capaian), or, for local runs only,"
                    + " start with deploy/local/run, which trusts the development key (deploy/local/dev-keys).");
        }
    }
}
