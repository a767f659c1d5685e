package dz.libertaphonix.scheduler.importing.webhook;

import dz.libertaphonix.scheduler.common.errors.ConflictException;

/** A secret rotation for a store with no webhook registered: there is nothing to rotate. */
public class NoWebhooksRegisteredException extends ConflictException {

    public NoWebhooksRegisteredException(long storeId) {
        super("store " + storeId + " has no webhook registered; register them first");
    }
}
