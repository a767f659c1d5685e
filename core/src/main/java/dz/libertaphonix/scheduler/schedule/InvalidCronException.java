package dz.libertaphonix.scheduler.schedule;

import dz.libertaphonix.scheduler.common.errors.InvalidInputException;

/** A cron expression that cannot be used, with the reason in words. */
public class InvalidCronException extends InvalidInputException {

    public InvalidCronException(String reason) {
        super(reason);
    }
}
