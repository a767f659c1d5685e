package dz.libertaphonix.scheduler.api.http;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every admin request ({@code /api/…}) goes through before its endpoint: a size limit and a
 * default body type. Other endpoints (the webhooks) keep their own rules.
 */
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
        if (!admin(request)) {
            return;
        }
        int length = request.getLength();
        long limit = config.get().maxBodyBytes();
        if (length > limit) {
            throw new PayloadTooLargeException(limit);
        }
    }

    /**
     * JSON is the only type this API reads. An empty body is read as JSON whatever type it names (or
     * none): a body-less {@code POST …/reset-cursor} then means "no options" rather than 415, whatever
     * the client's HTTP library puts on an empty body. A body that names no type is refused with 415,
     * like a body of any other type: read as JSON, it would change state on a guess.
     */
    @ServerRequestFilter(preMatching = true)
    public void defaultToJson(ContainerRequestContext request) {
        if (!admin(request)) {
            return;
        }
        boolean untyped = request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null;
        if (untyped && hasBody(request)) {
            throw new NotSupportedException("a request body must say it is " + MediaType.APPLICATION_JSON);
        }
        if (untyped || request.getLength() == 0) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    /**
     * A request carries a body when it says it has a non-zero length, or, saying no length, is sent in
     * chunks. The length comes first: the Lambda HTTP layer marks every request it rebuilds from an
     * API Gateway event as chunked, empty ones included, and always gives the length.
     */
    private static boolean hasBody(ContainerRequestContext request) {
        int length = request.getLength();
        return length > 0 || (length < 0 && request.getHeaderString("Transfer-Encoding") != null);
    }

    private static boolean admin(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return (path.startsWith("/") ? path : "/" + path).startsWith(AdminPaths.ROOT);
    }
}
