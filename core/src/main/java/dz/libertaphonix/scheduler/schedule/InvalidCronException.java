package dz.libertaphonix.scheduler.schedule;

/** A cron expression that cannot be used, with the reason in words. */
public class InvalidCronException extends RuntimeException {

    public InvalidCronException(String reason) {
        super(reason);
    }
}
