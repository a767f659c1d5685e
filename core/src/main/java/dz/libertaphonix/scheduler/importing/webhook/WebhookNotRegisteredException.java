package dz.libertaphonix.scheduler.importing.webhook;

import dz.libertaphonix.scheduler.common.errors.NotFoundException;

/** The store has no webhook of ours with this id. */
public class WebhookNotRegisteredException extends NotFoundException {

    public WebhookNotRegisteredException(long storeId, String webhookId) {
        super("store " + storeId + " has no registered webhook " + webhookId);
    }
}
