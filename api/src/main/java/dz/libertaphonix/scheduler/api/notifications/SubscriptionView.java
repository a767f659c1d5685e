package dz.libertaphonix.scheduler.api.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.notifications.ReceiverUrls;
import dz.libertaphonix.scheduler.notifications.Subscription;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A subscription as the admin sees it. {@code url} is masked past its first path segment (a chat
 * webhook's URL is its credential: {@code https://hooks.slack.com/services/…XXXX}); send a new one to
 * change it. The signing secret is never returned but its last characters
 * ({@code secret}: {@code ••••3f9a}); {@code signingSecret} carries it in clear once, in the answer
 * to its creation.
 *
 * @param jobs the jobs it is limited to; empty = every job
 * @param lastDelivery the last delivery that ended (delivered, or given up after its retries), or null
 */
public record SubscriptionView(
        long id,
        String url,
        List<String> events,
        List<String> jobs,
        String format,
        String language,
        boolean enabled,
        String secret,
        @JsonInclude(JsonInclude.Include.NON_NULL) String signingSecret,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        LastDelivery lastDelivery,
        Deliveries deliveries) {

    /**
     * @param ok delivered (a 2xx answer)
     * @param httpStatus the receiver's last answer, null when it never answered
     * @param attempts attempts made (in-process; 1 for a test)
     * @param error why it failed, null when delivered
     */
    public record LastDelivery(
            String deliveryId,
            String event,
            OffsetDateTime at,
            boolean ok,
            Integer httpStatus,
            Integer attempts,
            String error) {}

    /** Totals since the subscription was created; {@code consecutiveFailures} goes back to 0 at a success. */
    public record Deliveries(long delivered, long failed, int consecutiveFailures, OffsetDateTime lastFailureAt) {}

    static SubscriptionView of(Subscription s) {
        return of(s, null);
    }

    static SubscriptionView of(Subscription s, String signingSecret) {
        LastDelivery last = s.lastDeliveryId == null
                ? null
                : new LastDelivery(
                        s.lastDeliveryId.toString(),
                        s.lastDeliveryEvent,
                        ApiTime.algiers(s.lastDeliveryAt),
                        Boolean.TRUE.equals(s.lastDeliveryOk),
                        s.lastHttpStatus,
                        s.lastAttempts,
                        s.lastError);
        return new SubscriptionView(
                s.id,
                ReceiverUrls.masked(s.url),
                List.copyOf(s.events),
                s.jobs == null ? List.of() : List.copyOf(s.jobs),
                s.format.apiName(),
                s.language.apiName(),
                s.enabled,
                s.maskedSecret(),
                signingSecret,
                s.createdBy,
                ApiTime.algiers(s.createdAt),
                ApiTime.algiers(s.updatedAt),
                last,
                new Deliveries(
                        s.deliveredCount, s.failedCount, s.consecutiveFailures, ApiTime.algiers(s.lastFailureAt)));
    }
}
