package dz.libertaphonix.scheduler.runs.events;

import dz.libertaphonix.scheduler.events.SchedulerEvent;

/**
 * Port: tells the world a run ended, a fire was missed, credentials were refused ({@link SchedulerEvent}). EventBridge {@code PutEvents} in AWS, a CDI event in-process;
 * chosen by {@code scheduler.runs.events}. Publishing never fails a run: an adapter logs and returns.
 */
public interface RunEventPublisher {

    void publish(SchedulerEvent event);

    /**
     * Gets ready to publish (an SDK client built, say) so the first run's end does not pay for it.
     * Opens no connection. Never fails: a problem shows when publishing.
     */
    default void prepare() {}
}
