package dz.libertaphonix.scheduler.events.eventbridge;

import dz.libertaphonix.scheduler.common.errors.UnavailableException;

/**
 * EventBridge (a schedule rule, or the application's bus for a run request) could not be reached or
 * refused the call; nothing is known to have changed.
 */
public class ScheduleControlUnavailableException extends UnavailableException {

    public ScheduleControlUnavailableException(String message) {
        super(message);
    }
}
