package dz.libertaphonix.scheduler.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Outgoing notifications (docs/notifications.md). */
@ConfigMapping(prefix = "scheduler.notifications")
public interface NotificationsConfig {

    /**
     * Who delivers: {@code in-process} (the executor here posts, with retries; dev mode, tests), {@code
     * eventbridge} (a {@code NotificationRequested} event per subscription on the application bus, posted by
     * the subscription's API destination; AWS), or {@code off}.
     */
    @WithDefault("in-process")
    Delivery delivery();

    /**
     * The dashboard's public URL: chat messages and payloads link to {@code <url>?run=<run id>}. From
     * {@code SCHEDULER_DASHBOARD_URL}; none = no link.
     */
    Optional<String> dashboardUrl();

    /** In-process: connecting to a receiver, per attempt. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** In-process: one attempt, from sending to the receiver's status line; a hanging receiver is cut here. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** In-process: attempts per delivery (the first included) on a timeout, an unreachable receiver, 408, 429 or 5xx. */
    @WithDefault("4")
    int maxAttempts();

    /** In-process: wait before the second attempt, doubled at each retry. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** In-process: longest wait between two attempts. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** In-process: threads posting deliveries (never a run's thread). */
    @WithDefault("2")
    int threads();

    /** In-process: deliveries waiting for a thread; beyond it a delivery is dropped and logged. */
    @WithDefault("500")
    int queueCapacity();

    /** EventBridge: the role EventBridge invokes the API destinations with ({@code SCHEDULER_NOTIFICATIONS_INVOKE_ROLE_ARN}). */
    Optional<String> invokeRoleArn();

    /** EventBridge: the dead-letter queue of every subscription's rule ({@code SCHEDULER_NOTIFICATIONS_DEAD_LETTER_ARN}). */
    Optional<String> deadLetterArn();

    /** EventBridge: how long EventBridge retries a delivery (at most 24 h). */
    @WithDefault("24h")
    Duration eventbridgeMaxEventAge();

    /** EventBridge: retries of a delivery (at most 185). */
    @WithDefault("185")
    int eventbridgeMaxRetries();

    /** EventBridge: requests per second an API destination sends its receiver at most. */
    @WithDefault("10")
    int eventbridgeRateLimitPerSecond();

    enum Delivery {
        IN_PROCESS,
        EVENTBRIDGE,
        OFF
    }
}
