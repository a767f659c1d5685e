package dz.libertaphonix.scheduler.ecomanager;

import java.util.Optional;

/** The five events EcoManager can deliver to a webhook, named as EcoManager names them. */
public enum EcoManagerWebhookEvent {
    OrderCreated,
    OrderStatusChanged,
    OrderConfirmationStatusChanged,
    OrderShippingStatusChanged,
    OrderDeleted;

    /** The event an {@code X-Ecomanager-Event} header names; empty for none or one we do not know. */
    public static Optional<EcoManagerWebhookEvent> named(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String name = header.strip();
        for (EcoManagerWebhookEvent event : values()) {
            if (event.name().equalsIgnoreCase(name)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
