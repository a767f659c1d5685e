package dz.libertaphonix.scheduler.api.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The caller of the request being served. */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JwtConfig config;

    public CurrentCaller(SecurityIdentity identity, JwtConfig config) {
        this.identity = identity;
        this.config = config;
    }

    public Caller get() {
        return Caller.of(identity, config.roleClaim());
    }
}
