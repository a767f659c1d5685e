package dz.libertaphonix.scheduler.api.runs;

import dz.libertaphonix.scheduler.api.http.AdminConfig;
import dz.libertaphonix.scheduler.api.http.AdminPaths;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.http.InvalidParameterException;
import dz.libertaphonix.scheduler.api.http.PageView;
import dz.libertaphonix.scheduler.api.http.QueryParams;
import dz.libertaphonix.scheduler.api.security.Roles;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.RunFilter;
import dz.libertaphonix.scheduler.runs.ledger.RunSearch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The run ledger: history newest first, and one run in full. */
@Path(AdminPaths.ROOT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class RunResource {

    private final RunSearch history;
    private final JobCatalog catalog;
    private final AdminConfig config;

    public RunResource(RunSearch history, JobCatalog catalog, AdminConfig config) {
        this.history = history;
        this.catalog = catalog;
        this.config = config;
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(summary = "Runs, newest first, filtered and paginated")
    public ApiResponse<PageView<RunView>> history(
            @Parameter(description = "job id (ecomanager-sync) or legacy name (ecomanager_sync)") @QueryParam("job")
                    String job,
            @Parameter(description = "RUNNING, SUCCEEDED, PARTIAL, FAILED, SKIPPED, ABANDONED") @QueryParam("status")
                    String status,
            @Parameter(description = "SCHEDULED, MANUAL, RETRY, CATCH_UP") @QueryParam("trigger") String trigger,
            @Parameter(description = "started at or after: ISO-8601 with offset, or a date (Algiers midnight)")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "started before: ISO-8601 with offset, or a date (Algiers midnight)")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "page number, from 1") @QueryParam("page") String page,
            @Parameter(description = "rows per page") @QueryParam("size") String size) {
        JobId jobId = job == null || job.isBlank()
                ? null
                : catalog.find(job.trim())
                        .map(JobDescriptor::id)
                        .orElseThrow(() -> new InvalidParameterException("job", "unknown job '" + job + "'"));
        Instant fromInstant = QueryParams.instant("from", from);
        Instant toInstant = QueryParams.instant("to", to);
        QueryParams.checkRange(fromInstant, toInstant);
        RunFilter filter = new RunFilter(
                jobId,
                QueryParams.enumValue("status", status, JobRunStatus.class),
                QueryParams.enumValue("trigger", trigger, RunTrigger.class),
                fromInstant,
                toInstant);
        return ApiResponse.ok(PageView.of(
                history.search(filter, QueryParams.page(page, size, config)), run -> RunView.of(run, catalog)));
    }

    @GET
    @Path("/runs/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(summary = "One run with its per-store / per-account results and error")
    public ApiResponse<RunDetailView> run(@PathParam("id") String id) {
        UUID runId = QueryParams.uuid("id", id);
        return ApiResponse.ok(history.find(runId)
                .map(run -> RunDetailView.of(run, catalog))
                .orElseThrow(() -> new RunNotFoundException(runId)));
    }
}
