package dz.libertaphonix.scheduler.api.admin;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** What every admin request goes through before its endpoint: a size limit and a default body type. */
public class RequestFilters {

    // filters are built at static init, before runtime configuration exists: resolve it per call
    @Inject
    Instance<AdminConfig> config;

    /**
     * A body above {@link AdminConfig#maxBodyBytes()} is refused with 413 and the error envelope (the
     * HTTP layer's own, larger limit, {@code quarkus.http.limits.max-body-size}, stays as the backstop
     * for bodies sent without a length).
     */
    @ServerRequestFilter
    public void limitBodySize(ContainerRequestContext request) {
        int length = request.getLength();
        long limit = config.get().maxBodyBytes();
        if (length > limit) {
            throw new PayloadTooLargeException(limit);
        }
    }

    /**
     * An empty body, or one that names no type, is read as JSON, the only type this API speaks: a
     * body-less {@code POST …/reset-cursor} then means "no options" rather than 415, whatever
     * type the client's HTTP library puts on an empty body.
     */
    @ServerRequestFilter(preMatching = true)
    public void defaultToJson(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null || request.getLength() == 0) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
