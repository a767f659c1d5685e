package dz.libertaphonix.scheduler.notifications;

import dz.libertaphonix.scheduler.events.CredentialsRejected;
import dz.libertaphonix.scheduler.events.RunMissed;
import dz.libertaphonix.scheduler.events.SchedulerEvent;
import dz.libertaphonix.scheduler.events.SyncCompleted;
import dz.libertaphonix.scheduler.events.SyncFailed;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * The events a subscription may ask for, by the name receivers see ({@code X-Scheduler-Event}). A
 * PARTIAL run's {@code SyncCompleted} is told as {@code SyncPartial}: a team wants a partial import
 * without every successful one.
 */
public enum NotificationEvent {
    SYNC_FAILED("SyncFailed"),
    SYNC_COMPLETED("SyncCompleted"),
    SYNC_PARTIAL("SyncPartial"),
    RUN_MISSED("RunMissed"),
    CREDENTIALS_REJECTED("CredentialsRejected");

    private final String eventName;

    NotificationEvent(String eventName) {
        this.eventName = eventName;
    }

    /** The name on the wire and in the API. */
    public String eventName() {
        return eventName;
    }

    public static Optional<NotificationEvent> named(String name) {
        return Arrays.stream(values()).filter(e -> e.eventName.equals(name)).findFirst();
    }

    /** What a scheduler event is told as; empty for the events nobody is told of (a skipped run). */
    public static Optional<NotificationEvent> of(SchedulerEvent event) {
        return switch (event) {
            case SyncCompleted completed ->
                Optional.of(completed.status() == JobRunStatus.PARTIAL ? SYNC_PARTIAL : SYNC_COMPLETED);
            case SyncFailed failed -> Optional.of(SYNC_FAILED);
            case RunMissed missed -> Optional.of(RUN_MISSED);
            case CredentialsRejected rejected -> Optional.of(CREDENTIALS_REJECTED);
            default -> Optional.empty();
        };
    }
}
