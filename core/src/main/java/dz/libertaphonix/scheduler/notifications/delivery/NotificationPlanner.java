package dz.libertaphonix.scheduler.notifications.delivery;

import dz.libertaphonix.scheduler.events.SchedulerEvent;
import dz.libertaphonix.scheduler.notifications.NotificationEvent;
import dz.libertaphonix.scheduler.notifications.Subscription;
import dz.libertaphonix.scheduler.notifications.SubscriptionRepository;
import dz.libertaphonix.scheduler.notifications.SubscriptionSecrets;
import dz.libertaphonix.scheduler.runs.JobId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which subscriptions an event goes to, and the signed delivery each gets: enabled, asking for the
 * event, and for its job when they filter by job. Both delivery paths (in-process, EventBridge) use it,
 * so a receiver gets the same bytes and headers from either.
 */
@ApplicationScoped
public class NotificationPlanner {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionSecrets secrets;
    private final NotificationBodies bodies;
    private final Clock clock;

    public NotificationPlanner(
            SubscriptionRepository subscriptions, SubscriptionSecrets secrets, NotificationBodies bodies, Clock clock) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.bodies = bodies;
        this.clock = clock;
    }

    @Transactional
    public List<Notification> plan(SchedulerEvent event) {
        Optional<NotificationEvent> kind = NotificationEvent.of(event);
        if (kind.isEmpty()) {
            return List.of();
        }
        JobId job = NotificationBodies.jobOf(event);
        return subscriptions.enabled().stream()
                .filter(s -> s.wants(kind.get(), job == null ? null : job.id()))
                .map(s -> {
                    UUID deliveryId = UUID.randomUUID();
                    byte[] body = bodies.body(s.format, s.language, kind.get(), event, s.id, deliveryId);
                    return signed(s, kind.get().eventName(), deliveryId, body);
                })
                .toList();
    }

    /** The "send test" delivery of one subscription, whether it is enabled or not. */
    public Notification test(Subscription subscription) {
        UUID deliveryId = UUID.randomUUID();
        byte[] body =
                bodies.test(subscription.format, subscription.language, subscription.id, deliveryId, clock.instant());
        return signed(subscription, Notification.TEST_EVENT, deliveryId, body);
    }

    private Notification signed(Subscription subscription, String event, UUID deliveryId, byte[] body) {
        return new Notification(
                subscription.id,
                subscription.url,
                event,
                deliveryId,
                body,
                Signatures.sign(secrets.secret(subscription), body));
    }
}
