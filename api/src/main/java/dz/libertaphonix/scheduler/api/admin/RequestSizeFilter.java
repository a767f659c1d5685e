package dz.libertaphonix.scheduler.api.admin;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses admin requests whose body is above {@link AdminConfig#maxBodyBytes()} with 413 and the
 * error envelope (the HTTP layer's own, larger limit, {@code quarkus.http.limits.max-body-size},
 * stays as the backstop for bodies sent without a length).
 */
public class RequestSizeFilter {

    // filters are built at static init, before runtime configuration exists: resolve it per call
    @Inject
    Instance<AdminConfig> config;

    @ServerRequestFilter
    public void limit(ContainerRequestContext request) {
        int length = request.getLength();
        long limit = config.get().maxBodyBytes();
        if (length > limit) {
            throw new PayloadTooLargeException(limit);
        }
    }
}
