package dz.libertaphonix.scheduler.importing.webhook;

/**
 * @param outcome what became of the delivery
 * @param eventId its {@code inbound_events} row
 */
public record DeliveryResult(DeliveryOutcome outcome, long eventId) {}
