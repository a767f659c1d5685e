package dz.libertaphonix.scheduler.api.audit;

import dz.libertaphonix.scheduler.api.http.AdminConfig;
import dz.libertaphonix.scheduler.api.http.AdminPaths;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.http.PageView;
import dz.libertaphonix.scheduler.api.http.QueryParams;
import dz.libertaphonix.scheduler.api.security.Roles;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.audit.AuditQuery;
import dz.libertaphonix.scheduler.audit.AuditService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of admin actions, newest first. ADMIN only. */
@Path(AdminPaths.ROOT + "/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Audit")
public class AuditResource {

    private final AuditService audit;
    private final AdminConfig config;

    public AuditResource(AuditService audit, AdminConfig config) {
        this.audit = audit;
        this.config = config;
    }

    @GET
    @Operation(
            summary = "Admin actions, newest first",
            description = "Filters: userId, email, action (schedule.stop …), target, outcome (SUCCEEDED, FAILED,"
                    + " DENIED, REJECTED), from, to; paginated with page and size.")
    public ApiResponse<PageView<AuditView>> search(
            @QueryParam("userId") String userId,
            @QueryParam("email") String email,
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @QueryParam("outcome") String outcome,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Instant fromInstant = QueryParams.instant("from", from);
        Instant toInstant = QueryParams.instant("to", to);
        QueryParams.checkRange(fromInstant, toInstant);
        AuditQuery query = new AuditQuery(
                blankToNull(userId),
                blankToNull(email),
                blankToNull(action),
                blankToNull(target),
                QueryParams.enumValue("outcome", outcome, AuditOutcome.class),
                fromInstant,
                toInstant);
        return ApiResponse.ok(PageView.of(audit.search(query, QueryParams.page(page, size, config)), AuditView::of));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
