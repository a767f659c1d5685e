package dz.libertaphonix.scheduler.api.admin;

import dz.libertaphonix.scheduler.api.errors.ApiError;
import dz.libertaphonix.scheduler.api.security.Caller;
import dz.libertaphonix.scheduler.api.security.JwtConfig;
import dz.libertaphonix.scheduler.audit.AuditRecord;
import dz.libertaphonix.scheduler.audit.AuditService;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes the audit row of every call to an {@link Audited} endpoint, after the outcome is known and
 * before the answer is sent: a Lambda may be frozen as soon as it has answered, so the row is never
 * left to a background thread.
 */
public class AuditResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditResponseFilter.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    @Inject
    AuditService audit;

    @Inject
    AuditTrail trail;

    @Inject
    CurrentIdentityAssociation identities;

    // filters are built at static init, before runtime configuration exists: resolve it per call
    @Inject
    Instance<JwtConfig> jwtConfig;

    @ServerResponseFilter
    public Uni<Void> audit(
            ContainerRequestContext request,
            ContainerResponseContext response,
            ResourceInfo resource,
            HttpServerRequest http) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Audited audited = method == null ? null : method.getAnnotation(Audited.class);
        if (audited == null) {
            return Uni.createFrom().voidItem();
        }
        int status = response.getStatus();
        MultivaluedMap<String, String> pathParameters = request.getUriInfo().getPathParameters();
        String target = trail.target() != null ? trail.target() : target(audited.target(), pathParameters);
        Map<String, Object> parameters = trail.parameters();
        if (status >= 400 && response.getEntity() instanceof ApiError error) {
            parameters.put("error", error.error().code());
        }
        String ip = address(http);
        String userAgent = request.getHeaderString(HttpHeaders.USER_AGENT);
        return identities
                .getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .map(identity -> Caller.of(identity, jwtConfig.get().roleClaim()))
                .chain(caller -> write(new AuditRecord(
                        caller.userId(),
                        caller.email(),
                        caller.role(),
                        audited.action(),
                        target,
                        parameters,
                        AuditRecord.outcomeOf(status),
                        status,
                        ip,
                        userAgent)));
    }

    private Uni<Void> write(AuditRecord record) {
        if (BlockingOperationControl.isBlockingAllowed()) {
            record(record);
            return Uni.createFrom().voidItem();
        }
        // refused on the I/O thread (e.g. no token): the database write moves to a worker
        return Uni.createFrom()
                .<Void>item(() -> {
                    record(record);
                    return null;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void record(AuditRecord record) {
        try {
            audit.record(record);
        } catch (RuntimeException e) {
            // the action has happened (or been refused) either way: answering 500 would misreport it,
            // so an audit outage is logged loudly instead
            LOG.errorf(
                    "could not write the audit row for %s on %s: %s", record.action(), record.target(), e.getMessage());
        }
    }

    private static String target(String template, MultivaluedMap<String, String> pathParameters) {
        if (template.isEmpty()) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder target = new StringBuilder();
        while (matcher.find()) {
            String value = pathParameters.getFirst(matcher.group(1));
            matcher.appendReplacement(target, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(target);
        return target.toString();
    }

    private static String address(HttpServerRequest http) {
        if (http == null) {
            return null;
        }
        SocketAddress remote = http.remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}
