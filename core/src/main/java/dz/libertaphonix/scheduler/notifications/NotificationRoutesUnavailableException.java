package dz.libertaphonix.scheduler.notifications;

import dz.libertaphonix.scheduler.common.errors.UnavailableException;

/** EventBridge could not make or remove a subscription's route: the API answers 503. */
public class NotificationRoutesUnavailableException extends UnavailableException {

    public NotificationRoutesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
