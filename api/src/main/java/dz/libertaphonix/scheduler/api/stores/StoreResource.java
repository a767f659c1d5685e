package dz.libertaphonix.scheduler.api.stores;

import dz.libertaphonix.scheduler.api.audit.AuditTrail;
import dz.libertaphonix.scheduler.api.audit.Audited;
import dz.libertaphonix.scheduler.api.http.AdminPaths;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.security.Roles;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerConnectionTester.ConnectionCheck;
import dz.libertaphonix.scheduler.importing.webhook.WebhookRegistrations;
import dz.libertaphonix.scheduler.importing.webhook.WebhookStats;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreAdminService;
import dz.libertaphonix.scheduler.stores.StoreChanges;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** EcoManager stores: list, register, edit, activate/deactivate, test, reset the cursor. ADMIN only. */
@Path(AdminPaths.ROOT + "/stores")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Stores")
public class StoreResource {

    private final StoreAdminService stores;
    private final AuditTrail trail;
    private final WebhookRegistrations registrations;

    public StoreResource(StoreAdminService stores, AuditTrail trail, WebhookRegistrations registrations) {
        this.stores = stores;
        this.trail = trail;
        this.registrations = registrations;
    }

    private StoreView view(Store store) {
        return StoreView.of(store, registrations.stats(List.of(store.id)).get(store.id));
    }

    @GET
    @Operation(summary = "Every store: token masked, import cursor, credential state, last import")
    public ApiResponse<List<StoreView>> list() {
        List<Store> all = stores.list();
        Map<Long, WebhookStats> webhooks =
                registrations.stats(all.stream().map(store -> store.id).toList());
        return ApiResponse.ok(all.stream()
                .map(store -> StoreView.of(store, webhooks.get(store.id)))
                .toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One store")
    public ApiResponse<StoreView> get(@PathParam("id") long id) {
        return ApiResponse.ok(view(stores.get(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "store.create")
    @Operation(summary = "Register a store", description = "The token is encrypted at rest and never returned.")
    public RestResponse<ApiResponse<StoreView>> create(@Valid @NotNull StoreCreateRequest request) {
        trail.parameter("identifier", request.identifier())
                .parameter("name", request.name())
                .parameter("baseUrl", request.baseUrl())
                .parameter("token", request.token())
                .parameter("active", request.active());
        Store store = stores.create(
                request.identifier(),
                request.name(),
                request.baseUrl(),
                request.token(),
                request.active() == null || request.active());
        trail.target("store:" + store.id);
        return RestResponse.ResponseBuilder.<ApiResponse<StoreView>>create(RestResponse.Status.CREATED)
                .location(URI.create(AdminPaths.ROOT + "/stores/" + store.id))
                .entity(ApiResponse.ok(view(store)))
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "store.update", target = "store:{id}")
    @Operation(
            summary = "Change a store",
            description = "Only the fields sent change. The token is write-only; a new token clears a rejected state.")
    public ApiResponse<StoreView> update(@PathParam("id") long id, @Valid @NotNull StoreUpdateRequest request) {
        trail.parameter("name", request.name())
                .parameter("baseUrl", request.baseUrl())
                .parameter("token", request.token())
                .parameter("active", request.active());
        Store store = stores.update(
                id, new StoreChanges(request.name(), request.baseUrl(), request.token(), request.active()));
        return ApiResponse.ok(view(store));
    }

    @POST
    @Path("/{id}/activate")
    @Audited(action = "store.activate", target = "store:{id}")
    @Operation(summary = "Include the store in imports")
    public ApiResponse<StoreView> activate(@PathParam("id") long id) {
        return ApiResponse.ok(view(stores.setActive(id, true)));
    }

    @POST
    @Path("/{id}/deactivate")
    @Audited(action = "store.deactivate", target = "store:{id}")
    @Operation(summary = "Leave the store out of imports")
    public ApiResponse<StoreView> deactivate(@PathParam("id") long id) {
        return ApiResponse.ok(view(stores.setActive(id, false)));
    }

    @POST
    @Path("/{id}/reset-cursor")
    @Audited(action = "store.reset-cursor", target = "store:{id}")
    @Operation(
            summary = "Move the store's import cursor",
            description = "Body optional: {\"cursor\": n}; without it the cursor goes back to 0 and the next import"
                    + " re-scans the store (imports are idempotent: nothing is doubled).")
    public ApiResponse<StoreView> resetCursor(@PathParam("id") long id, @Valid CursorResetRequest request) {
        long cursor = request == null || request.cursor() == null ? 0 : request.cursor();
        trail.parameter("cursor", cursor);
        long previous = stores.resetCursor(id, cursor);
        trail.parameter("previousCursor", previous);
        return ApiResponse.ok(view(stores.get(id)));
    }

    @POST
    @Path("/{id}/test-connection")
    @Audited(action = "store.test-connection", target = "store:{id}")
    @Operation(summary = "Check the store's URL and token with one cheap EcoManager request")
    public ApiResponse<ConnectionCheckView> testConnection(@PathParam("id") long id) {
        ConnectionCheck check = stores.testConnection(id);
        trail.parameter("ok", check.ok()).parameter("httpStatus", check.httpStatus());
        return ApiResponse.ok(
                new ConnectionCheckView(check.ok(), check.httpStatus(), check.message(), check.latencyMillis()));
    }

    /** The result of a connection test; {@code httpStatus} is null when EcoManager did not answer. */
    public record ConnectionCheckView(boolean ok, Integer httpStatus, String message, long latencyMillis) {}
}
