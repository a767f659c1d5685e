package dz.libertaphonix.scheduler.importing.webhook;

/**
 * One POST to {@code /webhooks/ecomanager/{store}}, as received.
 *
 * @param storeIdentifier the path's store identifier
 * @param event {@code X-Ecomanager-Event}
 * @param webhookId {@code X-Ecomanager-Webhook-ID}
 * @param source {@code X-Ecomanager-Source}, the account URL
 * @param signature {@code X-Ecomanager-Signature}, hex HMAC-SHA256 of the raw body
 * @param body the raw bytes, never re-serialised before the signature is checked
 */
public record InboundDelivery(
        String storeIdentifier, String event, String webhookId, String source, String signature, byte[] body) {}
