package dz.libertaphonix.scheduler.api.dashboard;

import dz.libertaphonix.scheduler.api.http.AdminPaths;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.api.http.QueryParams;
import dz.libertaphonix.scheduler.api.runs.RunNotFoundException;
import dz.libertaphonix.scheduler.api.security.Roles;
import dz.libertaphonix.scheduler.operations.DailyFigures;
import dz.libertaphonix.scheduler.operations.OperationsOverview;
import dz.libertaphonix.scheduler.operations.OperationsSummary;
import dz.libertaphonix.scheduler.operations.OrderLineage;
import dz.libertaphonix.scheduler.operations.QuarantinedOrders;
import dz.libertaphonix.scheduler.operations.RunTimeline;
import dz.libertaphonix.scheduler.runs.ledger.RunSearch;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the dashboard reads beyond the admin API's own resources: the operations summary, the run
 * timeline, what one run did to which orders, one order's lineage, a store's quarantined orders.
 */
@Path(AdminPaths.ROOT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
public class OperationsResource {

    /** The longest timeline window: 30 days. */
    static final int MOST_HOURS = 720;

    public record Timeline(OffsetDateTime from, OffsetDateTime to, List<RunTimeline.TimelineRun> runs) {}

    private final OperationsOverview overview;
    private final RunTimeline timeline;
    private final OrderLineage lineage;
    private final QuarantinedOrders quarantine;
    private final RunSearch runs;
    private final DailyFigures figures;
    private final Clock clock;

    public OperationsResource(
            OperationsOverview overview,
            RunTimeline timeline,
            OrderLineage lineage,
            QuarantinedOrders quarantine,
            RunSearch runs,
            DailyFigures figures,
            Clock clock) {
        this.overview = overview;
        this.timeline = timeline;
        this.lineage = lineage;
        this.quarantine = quarantine;
        this.runs = runs;
        this.figures = figures;
        this.clock = clock;
    }

    @GET
    @Path("/dashboard/summary")
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(
            summary = "Is everything fine? Orders today, orders waiting for an agent and why, parcels, "
                    + "stores and courier accounts needing attention, failed runs")
    public ApiResponse<OperationsSummary> summary() {
        return ApiResponse.ok(overview.summary());
    }

    @GET
    @Path("/dashboard/timeline")
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(summary = "Runs of the last N hours (24 by default, at most 720), oldest first, for the timeline")
    public ApiResponse<Timeline> timeline(@QueryParam("hours") String hours) {
        int span = QueryParams.integer("hours", hours, 24, 1, MOST_HOURS);
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofHours(span));
        return ApiResponse.ok(
                new Timeline(ApiTime.algiers(from), ApiTime.algiers(to), timeline.between(from, to.plusSeconds(1))));
    }

    @GET
    @Path("/dashboard/daily")
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(
            summary = "Per Algiers day over the last N days (7 by default, at most 90): orders imported per store, "
                    + "parcels delivered, returned, cancelled")
    public ApiResponse<DailyFigures.Figures> daily(@QueryParam("days") String days) {
        return ApiResponse.ok(figures.lastDays(QueryParams.integer("days", days, 7, 1, 90)));
    }

    @GET
    @Path("/dashboard/runs/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(summary = "What one run did: its activity entries and the order status events it wrote")
    public ApiResponse<OrderLineage.RunLineage> run(@PathParam("id") String id, @QueryParam("limit") String limit) {
        UUID runId = QueryParams.uuid("id", id);
        if (runs.find(runId).isEmpty()) {
            throw new RunNotFoundException(runId);
        }
        return ApiResponse.ok(lineage.ofRun(runId, QueryParams.integer("limit", limit, 200, 1, 1000)));
    }

    @GET
    @Path("/dashboard/orders/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_MANAGER})
    @Operation(summary = "One order's lineage: every status event, its source and run")
    public ApiResponse<OrderLineage.OrderHistory> order(@PathParam("id") String id) {
        long orderId = QueryParams.integer("id", id, 0, 1, Integer.MAX_VALUE);
        return ApiResponse.ok(lineage.ofOrder(orderId));
    }

    @GET
    @Path("/dashboard/stores/{id}/quarantined")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "A store's open quarantined orders, newest first, with the raw payload and the reason")
    public ApiResponse<QuarantinedOrders.StoreQuarantine> quarantined(
            @PathParam("id") String id, @QueryParam("limit") String limit) {
        long storeId = QueryParams.integer("id", id, 0, 1, Integer.MAX_VALUE);
        return ApiResponse.ok(quarantine.open(storeId, QueryParams.integer("limit", limit, 50, 1, 500)));
    }
}
