package dz.libertaphonix.scheduler.api.schedules;

import dz.libertaphonix.scheduler.api.http.AdminPaths;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scheduler's state: the original contract's {@code /status} and {@code /next-sync-times}. */
@Path(AdminPaths.ROOT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status")
public class StatusResource {

    private final SchedulerOverview overview;

    public StatusResource(SchedulerOverview overview) {
        this.overview = overview;
    }

    @GET
    @Path("/status")
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(
            summary = "Scheduler status",
            description = "running / stopped / partial, the enabled jobs, the last run of each job, and per-job detail"
                    + " (schedule, next fire time, run in progress and its progress). Reads Redis and memory only.")
    public ApiResponse<StatusView> status() {
        return ApiResponse.ok(overview.status());
    }

    @GET
    @Path("/next-sync-times")
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(summary = "Next fire time of each job (null when disabled), and the current time")
    public ApiResponse<NextSyncTimesView> nextSyncTimes() {
        return ApiResponse.ok(overview.nextSyncTimes());
    }
}
