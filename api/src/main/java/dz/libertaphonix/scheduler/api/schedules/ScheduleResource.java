package dz.libertaphonix.scheduler.api.schedules;

import dz.libertaphonix.scheduler.api.audit.AuditTrail;
import dz.libertaphonix.scheduler.api.audit.Audited;
import dz.libertaphonix.scheduler.api.http.AdminPaths;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.security.Caller;
import dz.libertaphonix.scheduler.api.security.CurrentCaller;
import dz.libertaphonix.scheduler.api.security.Roles;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.schedule.CronSchedules;
import dz.libertaphonix.scheduler.schedule.ScheduleControl;
import dz.libertaphonix.scheduler.schedule.ScheduleState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starting and stopping the schedules, and changing a job's cron. */
@Path(AdminPaths.ROOT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedules")
public class ScheduleResource {

    private final ScheduleControl control;
    private final JobCatalog catalog;
    private final ScheduleStateCache cache;
    private final SchedulerOverview overview;
    private final CurrentCaller caller;
    private final AuditTrail trail;

    public ScheduleResource(
            ScheduleControl control,
            JobCatalog catalog,
            ScheduleStateCache cache,
            SchedulerOverview overview,
            CurrentCaller caller,
            AuditTrail trail) {
        this.control = control;
        this.catalog = catalog;
        this.cache = cache;
        this.overview = overview;
        this.caller = caller;
        this.trail = trail;
    }

    @POST
    @Path("/start")
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "schedule.start", target = "all")
    @Operation(summary = "Enable every job's schedule", description = "Answers with the new status.")
    public ApiResponse<StatusView> start() {
        String actor = caller.get().actor();
        try {
            for (JobId job : catalog.ids()) {
                control.enable(job, actor);
            }
        } finally {
            cache.invalidate();
        }
        return ApiResponse.ok(overview.status());
    }

    @POST
    @Path("/stop")
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "schedule.stop", target = "all")
    @Operation(
            summary = "Disable every job's schedule",
            description = "Runs in progress finish; no new scheduled run starts. Answers with the new status.")
    public ApiResponse<StatusView> stop() {
        String actor = caller.get().actor();
        try {
            for (JobId job : catalog.ids()) {
                control.disable(job, actor);
            }
        } finally {
            cache.invalidate();
        }
        return ApiResponse.ok(overview.status());
    }

    @POST
    @Path("/jobs/{job}/enable")
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "schedule.enable", target = "{job}")
    @Operation(summary = "Enable one job's schedule")
    public ApiResponse<JobView> enable(@PathParam("job") String name) {
        JobId job = catalog.require(name).id();
        trail.target(job.id());
        try {
            control.enable(job, caller.get().actor());
        } finally {
            cache.invalidate();
        }
        return ApiResponse.ok(overview.job(job));
    }

    @POST
    @Path("/jobs/{job}/disable")
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "schedule.disable", target = "{job}")
    @Operation(summary = "Disable one job's schedule")
    public ApiResponse<JobView> disable(@PathParam("job") String name) {
        JobId job = catalog.require(name).id();
        trail.target(job.id());
        try {
            control.disable(job, caller.get().actor());
        } finally {
            cache.invalidate();
        }
        return ApiResponse.ok(overview.job(job));
    }

    @GET
    @Path("/jobs")
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(
            summary = "Every job's schedule",
            description = "Cron (Quartz, Africa/Algiers), in words, as a UTC EventBridge expression, and the next"
                    + " fire times in Algiers time and UTC (none while the schedule is disabled).")
    public ApiResponse<List<JobView>> jobs() {
        return ApiResponse.ok(overview.jobs());
    }

    @GET
    @Path("/jobs/{job}")
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(summary = "One job's schedule with its next fire times")
    public ApiResponse<JobView> job(@PathParam("job") String name) {
        return ApiResponse.ok(overview.job(catalog.require(name).id()));
    }

    @PUT
    @Path("/jobs/{job}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "schedule.change", target = "{job}")
    @Operation(
            summary = "Change a job's cron",
            description = "Quartz syntax read in Africa/Algiers, firing on whole minutes, expressible exactly as a UTC"
                    + " EventBridge rule. A bad expression is refused with the reason. Applied to the live schedule;"
                    + " the answer previews the next fire times.")
    public ApiResponse<JobView> reschedule(
            @PathParam("job") String name, @Valid @NotNull ScheduleChangeRequest request) {
        JobId job = catalog.require(name).id();
        trail.target(job.id());
        String cron = request.cron().trim().replaceAll("\\s+", " ");
        trail.parameter("cron", cron);
        ScheduleState before = control.describe(job);
        trail.parameter("previousCron", before.cron());
        CronSchedules.parse(cron);
        // refused here in every deployment, so a schedule accepted locally is one AWS can run too
        CronSchedules.toEventBridgeUtc(cron, before.zone());
        Caller who = caller.get();
        try {
            control.reschedule(job, cron, who.actor());
        } finally {
            cache.invalidate();
        }
        return ApiResponse.ok(overview.preview(job));
    }
}
