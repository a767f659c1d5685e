package dz.libertaphonix.scheduler.api.notifications;

import dz.libertaphonix.scheduler.api.audit.AuditTrail;
import dz.libertaphonix.scheduler.api.audit.Audited;
import dz.libertaphonix.scheduler.api.http.AdminPaths;
import dz.libertaphonix.scheduler.api.http.ApiResponse;
import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.api.security.CurrentCaller;
import dz.libertaphonix.scheduler.api.security.Roles;
import dz.libertaphonix.scheduler.notifications.CreatedSubscription;
import dz.libertaphonix.scheduler.notifications.ReceiverUrls;
import dz.libertaphonix.scheduler.notifications.Subscription;
import dz.libertaphonix.scheduler.notifications.SubscriptionAdminService;
import dz.libertaphonix.scheduler.notifications.SubscriptionAdminService.TestResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Notification subscriptions (outgoing webhooks, docs/notifications.md): list, create, change, delete,
 * send a test. ADMIN only; every change audited.
 */
@Path(AdminPaths.ROOT + "/notifications/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Notifications")
public class SubscriptionResource {

    private final SubscriptionAdminService subscriptions;
    private final AuditTrail trail;
    private final CurrentCaller caller;

    public SubscriptionResource(SubscriptionAdminService subscriptions, AuditTrail trail, CurrentCaller caller) {
        this.subscriptions = subscriptions;
        this.trail = trail;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every subscription, with its last delivery and its failures; secrets masked")
    public ApiResponse<List<SubscriptionView>> list() {
        return ApiResponse.ok(
                subscriptions.list().stream().map(SubscriptionView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "notification-subscription.create")
    @Operation(
            summary = "Subscribe a URL to events",
            description = "The signing secret (given, or generated when absent) is returned once, in"
                    + " data.signingSecret, and never again.")
    public RestResponse<ApiResponse<SubscriptionView>> create(@Valid @NotNull SubscriptionBody body) {
        audit(body);
        CreatedSubscription created =
                subscriptions.create(body.toRequest(), caller.get().email());
        Subscription subscription = created.subscription();
        trail.target("notification-subscription:" + subscription.id);
        return RestResponse.ResponseBuilder.<ApiResponse<SubscriptionView>>create(RestResponse.Status.CREATED)
                .location(URI.create(AdminPaths.ROOT + "/notifications/subscriptions/" + subscription.id))
                .entity(ApiResponse.ok(SubscriptionView.of(subscription, created.secret())))
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "notification-subscription.update", target = "notification-subscription:{id}")
    @Operation(
            summary = "Change a subscription",
            description = "Only the fields sent change; \"jobs\": [] clears the jobs filter; a new secret is"
                    + " write-only.")
    public ApiResponse<SubscriptionView> update(@PathParam("id") long id, @Valid @NotNull SubscriptionBody body) {
        audit(body);
        return ApiResponse.ok(SubscriptionView.of(subscriptions.update(id, body.toRequest())));
    }

    @DELETE
    @Path("/{id}")
    @Audited(action = "notification-subscription.delete", target = "notification-subscription:{id}")
    @Operation(summary = "Delete a subscription; deliveries already in flight still end")
    public ApiResponse<Deleted> delete(@PathParam("id") long id) {
        trail.parameter("url", ReceiverUrls.masked(subscriptions.get(id).url));
        subscriptions.delete(id);
        return ApiResponse.ok(new Deleted(id, true));
    }

    @POST
    @Path("/{id}/test")
    @Audited(action = "notification-subscription.test", target = "notification-subscription:{id}")
    @Operation(
            summary = "Send a signed Test delivery now",
            description = "One attempt, whether the subscription is enabled or not; recorded as its last delivery."
                    + " The answer says how the receiver answered.")
    public ApiResponse<TestDeliveryView> test(@PathParam("id") long id) {
        TestResult result = subscriptions.test(id);
        trail.parameter("delivered", result.attempt().delivered())
                .parameter("httpStatus", result.attempt().httpStatus());
        return ApiResponse.ok(new TestDeliveryView(
                result.deliveryId(),
                ApiTime.algiers(result.sentAt()),
                result.attempt().delivered(),
                result.attempt().httpStatus(),
                result.attempt().error(),
                result.attempt().durationMillis()));
    }

    private void audit(SubscriptionBody body) {
        trail.parameter("url", ReceiverUrls.masked(body.url()))
                .parameter("events", body.events())
                .parameter("jobs", body.jobs())
                .parameter("format", body.format())
                .parameter("language", body.language())
                .parameter("secret", body.secret())
                .parameter("enabled", body.enabled());
    }

    /** The answer to a deletion. */
    public record Deleted(long id, boolean deleted) {}

    /**
     * The outcome of a "send test".
     *
     * @param httpStatus the receiver's answer, null when it never answered
     * @param error why it failed, null when delivered
     */
    public record TestDeliveryView(
            String deliveryId,
            OffsetDateTime sentAt,
            boolean delivered,
            Integer httpStatus,
            String error,
            long durationMillis) {}
}
