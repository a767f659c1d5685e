package dz.libertaphonix.scheduler.importing.webhook;

/**
 * A delivery whose signature is missing or wrong (or a store with no webhook secret yet): answered
 * 401, counted, logged without body or secret, and nothing else stored.
 */
public class WebhookSignatureRejectedException extends RuntimeException {

    public WebhookSignatureRejectedException(String storeIdentifier) {
        super("delivery for store " + storeIdentifier + " refused: signature missing or wrong", null, false, false);
    }
}
