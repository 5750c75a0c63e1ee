package id.capaian.core.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** Refuses to start without a token verifier: a service that can verify no token would refuse everyone. */
public class IdentityConfigCheck {

    void check(@Observes StartupEvent start) {
        var config = ConfigProvider.getConfig();
        Optional<String> server = config.getOptionalValue("quarkus.oidc.auth-server-url", String.class);
        Optional<String> key = config.getOptionalValue("quarkus.oidc.public-key", String.class);
        if (server.isEmpty() && key.isEmpty()) {
            throw new IllegalStateException("No token issuer configured. Set QUARKUS_OIDC_AUTH_SERVER_URL to the pemda's"
                    + " OIDC issuer (e.g. https://sso.example.go.id/realms/capaian), or, for local runs only,"
                    + " start with deploy/local/run, which trusts the development key (deploy/local/dev-keys).");
        }
    }
}
