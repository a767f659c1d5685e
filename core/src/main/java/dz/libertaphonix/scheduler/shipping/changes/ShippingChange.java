package dz.libertaphonix.scheduler.shipping.changes;

import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import dz.libertaphonix.scheduler.maystro.MaystroStatus;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.shipping.matching.OrderShippingState;
import java.time.Instant;
import java.util.Objects;

/**
 * A decided change of one order: its state when read ({@link #before}) and the values to write.
 * Written only if the row still holds {@code before} (compare-and-set), so a concurrent webhook or
 * admin edit is never overwritten blindly.
 *
 * @param parcel the parcel the change comes from, kept to re-decide after a lost compare-and-set
 * @param account the Maystro account it was read from, null for a webhook
 */
public record ShippingChange(
        OrderShippingState before,
        MaystroParcel parcel,
        String account,
        OrderStatus status,
        Integer shippingCode,
        String shippingLabel,
        String trackingNumber,
        String maystroOrderId,
        Instant alertedAt,
        Instant deliveredAt,
        String alertReason,
        String abortReason) {

    public long orderId() {
        return before.id();
    }

    public boolean statusChanged() {
        return before.status() != status;
    }

    /** True when the code is not in Maystro's catalogue and was stored as {@code INCONNU (<code>)}. */
    public boolean unknownCode() {
        return shippingCode != null && !MaystroStatus.known(shippingCode);
    }

    boolean changesAnything() {
        return statusChanged()
                || !Objects.equals(before.shippingCode(), shippingCode)
                || !Objects.equals(before.shippingLabel(), shippingLabel)
                || !Objects.equals(before.trackingNumber(), trackingNumber)
                || !Objects.equals(before.maystroOrderId(), maystroOrderId)
                || !Objects.equals(before.alertedAt(), alertedAt)
                || !Objects.equals(before.deliveredAt(), deliveredAt)
                || !Objects.equals(before.alertReason(), alertReason)
                || !Objects.equals(before.abortReason(), abortReason);
    }
}
