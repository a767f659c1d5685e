package dz.libertaphonix.scheduler.ecomanager;

import dz.libertaphonix.scheduler.common.errors.InvalidInputException;

/** A webhook delivery whose body is not JSON, or not an order we can identify (no readable id). */
public class UnreadableWebhookBodyException extends InvalidInputException {

    public UnreadableWebhookBodyException(String message) {
        super(message);
    }
}
