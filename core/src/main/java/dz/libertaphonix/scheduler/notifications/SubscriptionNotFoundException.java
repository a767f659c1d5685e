package dz.libertaphonix.scheduler.notifications;

import dz.libertaphonix.scheduler.common.errors.NotFoundException;

public class SubscriptionNotFoundException extends NotFoundException {

    public SubscriptionNotFoundException(long id) {
        super("no notification subscription " + id);
    }
}
