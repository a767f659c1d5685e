package dz.libertaphonix.scheduler.api.stores;

import dz.libertaphonix.scheduler.api.audit.AuditTrail;
import dz.libertaphonix.scheduler.api.audit.Audited;
import dz.libertaphonix.scheduler.api.http.AdminPaths;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.http.InvalidParameterException;
import dz.libertaphonix.scheduler.api.security.CurrentCaller;
import dz.libertaphonix.scheduler.api.security.Roles;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerWebhookEvent;
import dz.libertaphonix.scheduler.importing.webhook.RegisteredWebhook;
import dz.libertaphonix.scheduler.importing.webhook.WebhookRegistrations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A store's EcoManager webhooks: register, list, delete, rotate the secret. ADMIN only, audited. */
@Path(AdminPaths.ROOT + "/stores/{id}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Stores")
public class StoreWebhookResource {

    private final WebhookRegistrations registrations;
    private final CurrentCaller caller;
    private final AuditTrail trail;

    public StoreWebhookResource(WebhookRegistrations registrations, CurrentCaller caller, AuditTrail trail) {
        this.registrations = registrations;
        this.caller = caller;
        this.trail = trail;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "store.webhooks.register", target = "store:{id}")
    @Operation(
            summary = "Register the store's delivery URL on EcoManager, one webhook per event",
            description = "Body optional: {\"events\": [...]}, all five events when absent. Events already"
                    + " registered are kept, not registered twice. Answers every webhook of ours.")
    public ApiResponse<List<WebhookView>> register(
            @PathParam("id") long id, WebhookRegistrationRequest request, @Context HttpHeaders headers) {
        List<EcoManagerWebhookEvent> events = events(request);
        trail.parameter("events", events.isEmpty() ? "all" : events.toString());
        List<RegisteredWebhook> ours =
                registrations.register(id, events, caller.get().actor(), requestBase(headers));
        trail.parameter("registered", ours.size());
        return ApiResponse.ok(ours.stream().map(WebhookView::of).toList());
    }

    @GET
    @Operation(summary = "The store's webhooks: ours, beside EcoManager's list")
    public ApiResponse<WebhookListingView> list(@PathParam("id") long id, @Context HttpHeaders headers) {
        return ApiResponse.ok(WebhookListingView.of(registrations.list(id, requestBase(headers))));
    }

    @DELETE
    @Audited(action = "store.webhooks.delete", target = "store:{id}")
    @Operation(summary = "Delete every webhook of ours of the store, on EcoManager and here")
    public ApiResponse<Map<String, Integer>> deleteAll(@PathParam("id") long id) {
        int deleted = registrations.deleteAll(id);
        trail.parameter("deleted", deleted);
        return ApiResponse.ok(Map.of("deleted", deleted));
    }

    @DELETE
    @Path("/{webhookId}")
    @Audited(action = "store.webhooks.delete", target = "store:{id}")
    @Operation(summary = "Delete one webhook of ours, on EcoManager and here")
    public ApiResponse<Map<String, Integer>> delete(
            @PathParam("id") long id, @PathParam("webhookId") String webhookId) {
        trail.parameter("webhookId", webhookId);
        registrations.delete(id, webhookId);
        return ApiResponse.ok(Map.of("deleted", 1));
    }

    @POST
    @Path("/rotate-secret")
    @Audited(action = "store.webhooks.rotate-secret", target = "store:{id}")
    @Operation(
            summary = "Give the store's webhooks a new secret",
            description = "EcoManager is updated first, then the secret here: deliveries signed with the old"
                    + " secret are refused afterwards. The secret is never returned.")
    public ApiResponse<Map<String, Integer>> rotate(@PathParam("id") long id) {
        int rotated = registrations.rotateSecret(id);
        trail.parameter("webhooks", rotated);
        return ApiResponse.ok(Map.of("rotated", rotated));
    }

    /**
     * The base URL this request came in on, from its {@code Host} (and {@code X-Forwarded-Proto}, which
     * API Gateway sets): behind the HTTP API, its own URL. Plain http only for a local host.
     */
    static String requestBase(HttpHeaders headers) {
        return requestBase(headers.getHeaderString(HttpHeaders.HOST), headers.getHeaderString("X-Forwarded-Proto"));
    }

    static String requestBase(String host, String proto) {
        if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            return null;
        }
        boolean local = host.startsWith("localhost") || host.startsWith("127.0.0.1");
        String scheme = proto != null && proto.equalsIgnoreCase("http") || (proto == null && local) ? "http" : "https";
        return scheme + "://" + host;
    }

    private static List<EcoManagerWebhookEvent> events(WebhookRegistrationRequest request) {
        List<EcoManagerWebhookEvent> events = new ArrayList<>();
        if (request == null || request.events() == null) {
            return events;
        }
        for (String name : request.events()) {
            EcoManagerWebhookEvent event = EcoManagerWebhookEvent.named(name)
                    .orElseThrow(() -> new InvalidParameterException(
                            "events",
                            "unknown event '" + name + "'; one of "
                                    + Arrays.toString(EcoManagerWebhookEvent.values())));
            events.add(event);
        }
        return events;
    }
}
