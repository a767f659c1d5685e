package dz.libertaphonix.scheduler.maystro.webhook;

import dz.libertaphonix.scheduler.maystro.MaystroParcel;

/**
 * A webhook delivery from Maystro, unwrapped.
 *
 * @param type the {@code event} field, e.g. {@code OrderStatusChanged}
 * @param parcel the payload read as a parcel; null for event types other than
 *     {@link #ORDER_STATUS_CHANGED}
 */
public record MaystroWebhookEvent(String type, MaystroParcel parcel) {

    public static final String ORDER_STATUS_CHANGED = "OrderStatusChanged";

    public boolean statusChanged() {
        return ORDER_STATUS_CHANGED.equals(type);
    }
}
