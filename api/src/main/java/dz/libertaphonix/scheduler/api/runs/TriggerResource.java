package dz.libertaphonix.scheduler.api.runs;

import dz.libertaphonix.scheduler.api.audit.AuditTrail;
import dz.libertaphonix.scheduler.api.audit.Audited;
import dz.libertaphonix.scheduler.api.http.AdminPaths;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.http.QueryParams;
import dz.libertaphonix.scheduler.api.security.CurrentCaller;
import dz.libertaphonix.scheduler.api.security.Roles;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobDispatcher;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Runs a job now. Asynchronous: the answer (202 with the run id) never waits for the run; a run of
 * the same job already in progress is answered 409 with that run's id. One endpoint for every job of
 * the catalogue; the original API's paths ({@code /trigger/ecomanager}, {@code /trigger/shipping},
 * {@code /trigger/cleanup}) are its jobs' trigger aliases.
 */
@Path(AdminPaths.ROOT + "/trigger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class TriggerResource {

    private final JobDispatcher dispatcher;
    private final JobCatalog catalog;
    private final CurrentCaller caller;
    private final AuditTrail trail;

    public TriggerResource(JobDispatcher dispatcher, JobCatalog catalog, CurrentCaller caller, AuditTrail trail) {
        this.dispatcher = dispatcher;
        this.catalog = catalog;
        this.caller = caller;
        this.trail = trail;
    }

    @POST
    @Path("/{job}")
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "run.trigger", target = "{job}")
    @Operation(
            summary = "Run a job now",
            description = "Answers at once with the run id; the run goes on in the background. The original API's"
                    + " paths /trigger/ecomanager, /trigger/shipping and /trigger/cleanup are this endpoint."
                    + " With dryRun=true the run (trigger DRY_RUN) reads upstream as a real run would, takes the"
                    + " job's lock, and reports in GET /runs/{id} what it would write, writing nothing.")
    @APIResponse(responseCode = "202", description = "accepted, with the run id")
    @APIResponse(responseCode = "400", description = "dryRun is not true or false")
    @APIResponse(responseCode = "404", description = "no job has that name")
    @APIResponse(responseCode = "409", description = "a run of this job is in progress (its id in error.details.runId)")
    public RestResponse<ApiResponse<TriggerView>> trigger(
            @Parameter(
                            description = "the job's id (ecomanager-sync), its legacy name (ecomanager_sync) or one of"
                                    + " its trigger aliases (ecomanager, shipping, cleanup)")
                    @PathParam("job")
                    String name,
            @Parameter(description = "true: a dry run, which reports what it would write and writes nothing")
                    @QueryParam("dryRun")
                    String dryRunParam) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam, false);
        JobDescriptor job = catalog.requireForTrigger(name);
        trail.target(job.id().id());
        RunTrigger trigger = dryRun ? RunTrigger.DRY_RUN : RunTrigger.MANUAL;
        if (dryRun) {
            trail.parameter("dryRun", "true");
        }
        UUID runId = dispatcher.dispatch(job.id(), caller.get().actor(), trigger);
        trail.parameter("runId", runId.toString());
        String runUrl = AdminPaths.ROOT + "/runs/" + runId;
        TriggerView view = new TriggerView(runId, job.id().id(), job.legacyName(), "accepted", runUrl, trigger.name());
        return RestResponse.ResponseBuilder.<ApiResponse<TriggerView>>create(RestResponse.Status.ACCEPTED)
                .location(URI.create(runUrl))
                .entity(ApiResponse.ok(view))
                .build();
    }
}
