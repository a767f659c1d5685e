package dz.libertaphonix.scheduler.api.admin;

import dz.libertaphonix.scheduler.api.security.CurrentCaller;
import dz.libertaphonix.scheduler.api.security.Roles;
import dz.libertaphonix.scheduler.runs.JobDispatcher;
import dz.libertaphonix.scheduler.runs.JobId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Runs a job now. Asynchronous: the answer (202 with the run id) never waits for the run; a run of
 * the same job already in progress is answered 409 with that run's id.
 */
@Path(AdminPaths.ROOT + "/trigger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class TriggerResource {

    private final JobDispatcher dispatcher;
    private final CurrentCaller caller;
    private final AuditTrail trail;

    public TriggerResource(JobDispatcher dispatcher, CurrentCaller caller, AuditTrail trail) {
        this.dispatcher = dispatcher;
        this.caller = caller;
        this.trail = trail;
    }

    @POST
    @Path("/ecomanager")
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "run.trigger", target = "ecomanager-sync")
    @Operation(summary = "Import orders from EcoManager now")
    @APIResponse(responseCode = "202", description = "accepted, with the run id")
    @APIResponse(responseCode = "409", description = "a run of this job is in progress (its id in error.details.runId)")
    public RestResponse<ApiResponse<TriggerView>> ecomanager() {
        return trigger(JobId.ECOMANAGER_SYNC);
    }

    @POST
    @Path("/shipping")
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "run.trigger", target = "shipping-status-sync")
    @Operation(summary = "Sync parcel statuses from Maystro now")
    @APIResponse(responseCode = "202", description = "accepted, with the run id")
    @APIResponse(responseCode = "409", description = "a run of this job is in progress (its id in error.details.runId)")
    public RestResponse<ApiResponse<TriggerView>> shipping() {
        return trigger(JobId.SHIPPING_STATUS_SYNC);
    }

    @POST
    @Path("/cleanup")
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "run.trigger", target = "daily-cleanup")
    @Operation(summary = "Run the daily cleanup now")
    @APIResponse(responseCode = "202", description = "accepted, with the run id")
    @APIResponse(responseCode = "409", description = "a run of this job is in progress (its id in error.details.runId)")
    public RestResponse<ApiResponse<TriggerView>> cleanup() {
        return trigger(JobId.DAILY_CLEANUP);
    }

    private RestResponse<ApiResponse<TriggerView>> trigger(JobId job) {
        UUID runId = dispatcher.dispatch(job, caller.get().actor());
        trail.parameter("runId", runId.toString());
        String runUrl = AdminPaths.ROOT + "/runs/" + runId;
        TriggerView view = new TriggerView(runId, job.id(), job.legacyName(), "accepted", runUrl);
        return RestResponse.ResponseBuilder.<ApiResponse<TriggerView>>create(RestResponse.Status.ACCEPTED)
                .location(URI.create(runUrl))
                .entity(ApiResponse.ok(view))
                .build();
    }
}
