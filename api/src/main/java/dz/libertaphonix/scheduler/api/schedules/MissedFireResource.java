package dz.libertaphonix.scheduler.api.schedules;

import dz.libertaphonix.scheduler.api.http.AdminPaths;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.api.http.InvalidParameterException;
import dz.libertaphonix.scheduler.api.http.QueryParams;
import dz.libertaphonix.scheduler.api.security.Roles;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.missed.MissedRuns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A job's missed fires over a range: what the dashboard's timeline draws, what an operator reads. */
@Path(AdminPaths.ROOT + "/jobs/{job}/missed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedules")
public class MissedFireResource {

    private static final Duration DEFAULT_RANGE = Duration.ofHours(24);

    private final JobCatalog catalog;
    private final MissedRuns missedRuns;
    private final Clock clock;

    public MissedFireResource(JobCatalog catalog, MissedRuns missedRuns, Clock clock) {
        this.catalog = catalog;
        this.missedRuns = missedRuns;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(
            summary = "A job's missed fires",
            description = "The fire times its schedule implied in [from, to) (the schedule as it stood at each moment;"
                    + " none while disabled) with no run started near them, or only skipped ones. Default: the last"
                    + " 24 hours; at most scheduler.missed.max-range (31 days).")
    @APIResponse(responseCode = "200", description = "the missed fires, oldest first")
    @APIResponse(
            responseCode = "400",
            description = "from or to is not an ISO-8601 instant, or the range is empty or too wide")
    @APIResponse(responseCode = "404", description = "no job has that name")
    public ApiResponse<MissedFiresView> missed(
            @Parameter(description = "the job's id (ecomanager-sync) or legacy name") @PathParam("job") String name,
            @Parameter(description = "start, ISO-8601 with offset (default: 24 hours before to)") @QueryParam("from")
                    String fromParam,
            @Parameter(description = "end, ISO-8601 with offset (default: now)") @QueryParam("to") String toParam) {
        Instant from = QueryParams.instant("from", fromParam);
        Instant to = QueryParams.instant("to", toParam);
        JobId job = catalog.require(name).id();
        if (to == null) {
            to = from == null ? clock.instant() : from.plus(DEFAULT_RANGE);
        }
        if (from == null) {
            from = to.minus(DEFAULT_RANGE);
        }
        QueryParams.checkRange(from, to);
        Duration cap = missedRuns.config().maxRange();
        if (Duration.between(from, to).compareTo(cap) > 0) {
            throw new InvalidParameterException("to", "the range may span at most " + cap.toDays() + " days");
        }
        return ApiResponse.ok(new MissedFiresView(
                job.id(),
                ApiTime.utc(from),
                ApiTime.utc(to),
                missedRuns.missed(job, from, to).stream()
                        .map(fire -> new MissedFiresView.MissedFire(ApiTime.utc(fire)))
                        .toList()));
    }
}
