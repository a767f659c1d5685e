package dz.libertaphonix.scheduler.api.stores;

import java.util.List;

/**
 * Body of {@code POST /stores/{id}/webhooks}, optional: the events to register
 * ({@code OrderCreated}, {@code OrderStatusChanged}, {@code OrderConfirmationStatusChanged},
 * {@code OrderShippingStatusChanged}, {@code OrderDeleted}); all five when absent or empty.
 */
public record WebhookRegistrationRequest(List<String> events) {}
