package dz.libertaphonix.scheduler.events;

import java.time.Instant;

/**
 * Anything the scheduler tells the world through its run-event publisher: the run events ({@link
 * RunEvent}), a missed fire ({@link RunMissed}), credentials an upstream refused ({@link
 * CredentialsRejected}). In AWS an EventBridge event on the application bus ({@link #detailType()},
 * {@link #detail()} as the detail, {@link #time()}); in-process a CDI event of the record's own type.
 */
public interface SchedulerEvent {

    /** The EventBridge {@code detail-type}, also the notifications' event name. */
    String detailType();

    /** The event's detail, written as JSON: by default the event itself (a record that is its own detail). */
    default Object detail() {
        return this;
    }

    /** When it happened. */
    Instant time();
}
