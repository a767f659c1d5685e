package dz.libertaphonix.scheduler.notifications.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes how a delivery ended on its subscription's row, in one statement outside the entity's
 * version: last delivery (id, event, time, outcome, status, attempts, error) and the running totals.
 * A subscription deleted meanwhile is simply not found.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final int ERROR_CHARS = 1000;

    private final EntityManager entities;
    private final Clock clock;

    public DeliveryRecorder(EntityManager entities, Clock clock) {
        this.entities = entities;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Notification notification, Attempt last, int attempts) {
        Instant now = clock.instant();
        boolean ok = last.delivered();
        String error = last.error() == null || last.error().length() <= ERROR_CHARS
                ? last.error()
                : last.error().substring(0, ERROR_CHARS);
        entities.createNativeQuery("""
                        update notification_subscriptions set
                            last_delivery_id = :delivery, last_delivery_event = :event, last_delivery_at = :now,
                            last_delivery_ok = :ok, last_http_status = cast(:status as integer), last_attempts = :attempts,
                            last_error = cast(:error as varchar),
                            last_failure_at = case when :ok then last_failure_at else :now end,
                            delivered_count = delivered_count + case when :ok then 1 else 0 end,
                            failed_count = failed_count + case when :ok then 0 else 1 end,
                            consecutive_failures = case when :ok then 0 else consecutive_failures + 1 end
                        where id = :id
                        """)
                .setParameter("delivery", notification.deliveryId())
                .setParameter("event", notification.event())
                .setParameter("now", now)
                .setParameter("ok", ok)
                .setParameter("status", last.httpStatus())
                .setParameter("attempts", attempts)
                .setParameter("error", error)
                .setParameter("id", notification.subscriptionId())
                .executeUpdate();
    }
}
