package dz.libertaphonix.scheduler.notifications.delivery;

import dz.libertaphonix.scheduler.events.SchedulerEvent;
import dz.libertaphonix.scheduler.notifications.NotificationEvent;
import dz.libertaphonix.scheduler.notifications.NotificationsConfig;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The in-process delivery path (dev mode, tests, {@code scheduler.notifications.delivery=in-process}):
 * observes every scheduler event as the in-process publisher fires it and hands it at once to its own
 * threads, which find the subscriptions, post, and retry with a doubling backoff. The run's thread only
 * queues the event: a receiver that hangs, answers 500 or cannot be reached never fails or delays a
 * run. A full queue drops the delivery with a warning rather than block the run.
 */
@ApplicationScoped
public class InProcessDeliveries {

    private static final Logger LOG = Logger.getLogger(InProcessDeliveries.class);

    private final NotificationsConfig config;
    private final NotificationPlanner planner;
    private final WebhookPoster poster;
    private final DeliveryRecorder recorder;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService retries;

    public InProcessDeliveries(
            NotificationsConfig config, NotificationPlanner planner, WebhookPoster poster, DeliveryRecorder recorder) {
        this.config = config;
        this.planner = planner;
        this.poster = poster;
        this.recorder = recorder;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                config.threads(),
                config.threads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queueCapacity()),
                runnable -> daemon(runnable, "notifications-" + count.incrementAndGet()));
        this.workers.allowCoreThreadTimeOut(true);
        // only waits out backoffs, then hands the attempt back to the workers
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "notifications-retry"));
    }

    void onEvent(@Observes SchedulerEvent event) {
        if (config.delivery() != NotificationsConfig.Delivery.IN_PROCESS
                || NotificationEvent.of(event).isEmpty()) {
            return;
        }
        submit(() -> plan(event), event.detailType());
    }

    /** One attempt at once on the caller's thread, recorded: the "send test" action. */
    public Attempt sendNow(Notification notification) {
        Attempt attempt = poster.post(notification);
        record(notification, attempt, 1);
        return attempt;
    }

    private void plan(SchedulerEvent event) {
        List<Notification> notifications;
        try {
            notifications = planner.plan(event);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "no %s notification sent: the subscriptions could not be read (%s)",
                    event.detailType(), ErrorSummary.oneLine(e));
            return;
        }
        for (Notification notification : notifications) {
            submit(() -> attempt(notification, 1), notification.event());
        }
    }

    private void attempt(Notification notification, int number) {
        Attempt attempt = poster.post(notification);
        if (attempt.delivered() || !attempt.retryable() || number >= config.maxAttempts()) {
            if (!attempt.delivered()) {
                LOG.warnf("%s: given up after %d attempt(s): %s", notification, number, attempt.error());
            }
            record(notification, attempt, number);
            return;
        }
        Duration wait = backoff(number);
        LOG.infof("%s: attempt %d failed (%s), next in %d ms", notification, number, attempt.error(), wait.toMillis());
        try {
            retries.schedule(
                    () -> submit(() -> attempt(notification, number + 1), notification.event()),
                    wait.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            record(notification, attempt, number);
        }
    }

    private Duration backoff(int attemptsMade) {
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(attemptsMade - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private void record(Notification notification, Attempt attempt, int attempts) {
        try {
            recorder.record(notification, attempt, attempts);
        } catch (RuntimeException e) {
            LOG.warnf("%s: its outcome could not be recorded (%s)", notification, ErrorSummary.oneLine(e));
        }
    }

    private void submit(Runnable task, String what) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.warnf("a %s notification was dropped: %d deliveries already waiting", what, config.queueCapacity());
        }
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
        workers.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
