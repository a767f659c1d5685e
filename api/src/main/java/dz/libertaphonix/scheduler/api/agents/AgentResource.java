package dz.libertaphonix.scheduler.api.agents;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.agents.AgentAdminService;
import dz.libertaphonix.scheduler.agents.AgentChanges;
import dz.libertaphonix.scheduler.api.audit.AuditTrail;
import dz.libertaphonix.scheduler.api.audit.Audited;
import dz.libertaphonix.scheduler.api.http.AdminPaths;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Call-centre agents: list, create, change capacity, activity and availability. ADMIN only. */
@Path(AdminPaths.ROOT + "/agents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Agents")
public class AgentResource {

    private static final int DEFAULT_CAPACITY = 50;

    private final AgentAdminService agents;
    private final AuditTrail trail;

    public AgentResource(AgentAdminService agents, AuditTrail trail) {
        this.agents = agents;
        this.trail = trail;
    }

    @GET
    @Operation(summary = "Every agent, by name")
    public ApiResponse<List<AgentView>> list() {
        return ApiResponse.ok(agents.list().stream().map(AgentView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "agent.create")
    @Operation(summary = "Add an agent")
    public RestResponse<ApiResponse<AgentView>> create(@Valid @NotNull AgentCreateRequest request) {
        trail.parameter("name", request.name())
                .parameter("email", request.email())
                .parameter("dailyCapacity", request.dailyCapacity())
                .parameter("active", request.active())
                .parameter("available", request.available());
        Agent agent = agents.create(
                request.name().trim(),
                request.email().trim(),
                request.dailyCapacity() == null ? DEFAULT_CAPACITY : request.dailyCapacity(),
                request.active() == null || request.active(),
                request.available() == null || request.available());
        trail.target("agent:" + agent.id);
        return RestResponse.ResponseBuilder.<ApiResponse<AgentView>>create(RestResponse.Status.CREATED)
                .location(URI.create(AdminPaths.ROOT + "/agents/" + agent.id))
                .entity(ApiResponse.ok(AgentView.of(agent)))
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "agent.update", target = "agent:{id}")
    @Operation(summary = "Change an agent's capacity, activity, availability, name or email")
    public ApiResponse<AgentView> update(@PathParam("id") long id, @Valid @NotNull AgentUpdateRequest request) {
        trail.parameter("name", request.name())
                .parameter("email", request.email())
                .parameter("dailyCapacity", request.dailyCapacity())
                .parameter("active", request.active())
                .parameter("available", request.available());
        Agent agent = agents.update(
                id,
                new AgentChanges(
                        request.name() == null ? null : request.name().trim(),
                        request.email() == null ? null : request.email().trim(),
                        request.dailyCapacity(),
                        request.active(),
                        request.available()));
        return ApiResponse.ok(AgentView.of(agent));
    }
}
