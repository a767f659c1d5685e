package dz.libertaphonix.scheduler.api.aws;

/** EventBridge could not be reached or refused the call; nothing is known to have changed. */
public class ScheduleControlUnavailableException extends RuntimeException {

    public ScheduleControlUnavailableException(String message) {
        super(message);
    }
}
