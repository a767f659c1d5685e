package dz.libertaphonix.scheduler.runs;

/**
 * Port: tells the world a run ended. EventBridge {@code PutEvents} in AWS, a CDI event in-process;
 * chosen by {@code scheduler.runs.events}. Publishing never fails a run: an adapter logs and returns.
 */
public interface RunEventPublisher {

    void publish(RunEvent event);
}
