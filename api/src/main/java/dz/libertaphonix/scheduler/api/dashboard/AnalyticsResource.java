package dz.libertaphonix.scheduler.api.dashboard;

import dz.libertaphonix.scheduler.analytics.RunAnalytics;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.http.InvalidParameterException;
import dz.libertaphonix.scheduler.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sync performance analytics for the dashboard: success rate, durations, orders per day. */
@Path("/api/v1/scheduler/analytics")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    private final RunAnalytics analytics;

    public AnalyticsResource(RunAnalytics analytics) {
        this.analytics = analytics;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(summary = "Per job over the last N days (7 or 30 …): success rate, median/p95 duration, orders per day")
    public ApiResponse<RunAnalytics.Report> analytics(@QueryParam("days") String days) {
        int value;
        try {
            value = days == null || days.isBlank() ? 7 : Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("days", "must be a whole number of days");
        }
        if (value < 1 || value > 366) {
            throw new InvalidParameterException("days", "must be between 1 and 366");
        }
        return ApiResponse.ok(analytics.lastDays(value));
    }
}
