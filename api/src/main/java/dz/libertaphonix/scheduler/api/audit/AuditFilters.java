package dz.libertaphonix.scheduler.api.audit;

import dz.libertaphonix.scheduler.api.errors.ApiError;
import dz.libertaphonix.scheduler.api.security.Caller;
import dz.libertaphonix.scheduler.api.security.JwtConfig;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.audit.AuditRecord;
import dz.libertaphonix.scheduler.audit.AuditService;
import dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException;
import dz.libertaphonix.scheduler.runs.JobCatalog;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The audit row of every call to an {@link Audited} endpoint, written ahead: before the endpoint acts,
 * a row with outcome STARTED (who, what, from where); after, the same row with the outcome, before the
 * answer is sent (a Lambda may be frozen as soon as it has answered, so nothing is left to a
 * background thread). A call whose row cannot be written is refused with 503 {@code
 * DATABASE_UNAVAILABLE} and acts on nothing. Calls refused before the endpoint is reached (no token,
 * wrong role, bad body) get their row in one write after the answer is known.
 */
public class AuditFilters {

    private static final Logger LOG = Logger.getLogger(AuditFilters.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final String JOB = "job";

    @Inject
    AuditService audit;

    @Inject
    AuditTrail trail;

    @Inject
    CurrentIdentityAssociation identities;

    // filters are built at static init, before runtime configuration exists: resolve it per call
    @Inject
    Instance<JwtConfig> jwtConfig;

    @Inject
    Instance<JobCatalog> catalog;

    /** Writes the STARTED row; an unreachable database refuses the call before it acts. */
    @ServerRequestFilter
    public Uni<Void> begin(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Audited audited = audited(resource);
        if (audited == null) {
            return Uni.createFrom().voidItem();
        }
        String target = target(audited.target(), request.getUriInfo().getPathParameters());
        return caller(request, http, audited, target, AuditOutcome.STARTED, null)
                .chain(record -> blocking(() -> {
                    try {
                        trail.begun(audit.begin(record));
                    } catch (DatabaseUnavailableException e) {
                        trail.markRefusedUnaudited();
                        LOG.errorf(
                                "refused %s on %s by %s: the audit trail cannot be written (%s)",
                                record.action(), record.target(), record.email(), e.getMessage());
                        throw e;
                    }
                    return null;
                }));
    }

    /** Completes the row with the outcome, or writes it whole for a call refused before it began. */
    @ServerResponseFilter
    public Uni<Void> complete(
            ContainerRequestContext request,
            ContainerResponseContext response,
            ResourceInfo resource,
            HttpServerRequest http) {
        Audited audited = audited(resource);
        if (audited == null || trail.refusedUnaudited()) {
            return Uni.createFrom().voidItem();
        }
        int status = response.getStatus();
        MultivaluedMap<String, String> pathParameters = request.getUriInfo().getPathParameters();
        String target = trail.target() != null ? trail.target() : target(audited.target(), pathParameters);
        return caller(request, http, audited, target, AuditRecord.outcomeOf(status), status)
                .map(record -> {
                    Map<String, Object> parameters = record.parameters();
                    if (status >= 400 && response.getEntity() instanceof ApiError error) {
                        parameters.put("error", error.error().code());
                    }
                    return record;
                })
                .chain(record -> blocking(() -> {
                    write(record);
                    return null;
                }));
    }

    private Uni<AuditRecord> caller(
            ContainerRequestContext request,
            HttpServerRequest http,
            Audited audited,
            String target,
            AuditOutcome outcome,
            Integer status) {
        String ip = address(http);
        String userAgent = request.getHeaderString(HttpHeaders.USER_AGENT);
        return identities
                .getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .map(identity -> Caller.of(identity, jwtConfig.get().roleClaim()))
                .map(caller -> new AuditRecord(
                        caller.userId(),
                        caller.email(),
                        caller.role(),
                        audited.action(),
                        target,
                        trail.parameters(),
                        outcome,
                        status,
                        ip,
                        userAgent));
    }

    private void write(AuditRecord record) {
        try {
            Long begun = trail.rowId();
            if (begun != null) {
                audit.complete(begun, record);
            } else {
                audit.record(record);
            }
        } catch (RuntimeException e) {
            // the call has acted (or been refused) already: answering 500 would misreport it, so the
            // failure is logged once, loudly; a begun row stays STARTED, saying the outcome is unknown
            LOG.errorf(
                    "could not write the audit outcome %s of %s on %s: %s",
                    record.outcome(), record.action(), record.target(), e.getMessage());
        }
    }

    /** Runs a database write where blocking is allowed (a worker thread), as a Uni. */
    private static <T> Uni<T> blocking(Supplier<T> work) {
        if (BlockingOperationControl.isBlockingAllowed()) {
            try {
                return Uni.createFrom().item(work.get());
            } catch (RuntimeException e) {
                return Uni.createFrom().failure(e);
            }
        }
        // refused on the I/O thread (e.g. no token): the database write moves to a worker
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Audited audited(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method == null ? null : method.getAnnotation(Audited.class);
    }

    /**
     * The target named by the endpoint's template, its {@code {name}} placeholders replaced by path
     * parameters; a job is written by its id, whichever of its names the path used, so that a refused
     * {@code /trigger/ecomanager} and an accepted one name the same target.
     */
    private String target(String template, MultivaluedMap<String, String> pathParameters) {
        if (template.isEmpty()) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder target = new StringBuilder();
        while (matcher.find()) {
            String value = pathParameters.getFirst(matcher.group(1));
            if (JOB.equals(matcher.group(1)) && value != null) {
                value = catalog.get()
                        .findForTrigger(value)
                        .map(job -> job.id().id())
                        .orElse(value);
            }
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
