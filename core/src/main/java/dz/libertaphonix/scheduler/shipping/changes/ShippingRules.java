package dz.libertaphonix.scheduler.shipping.changes;

import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import dz.libertaphonix.scheduler.maystro.MaystroStatus;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.shipping.matching.OrderShippingState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Decides what a parcel's state means for its order. One place, used by the sync and the webhook
 * alike, so the two can never disagree.
 *
 * <ul>
 *   <li>The courier fields take the parcel's values: code, label from the catalogue (unknown codes
 *       {@code INCONNU (<code>)}), alert and abort reasons and times, delivered time.
 *   <li>A tracking number read from a display id only fills an empty one; a real tracking number
 *       replaces it. Neither a missing tracking number nor a missing Maystro id clears ours.
 *   <li>The order status follows {@link OrderStatusMapping}, never out of DELIVERED, CANCELLED or
 *       RETURNED.
 *   <li>A parcel whose order already has a terminal code (41, 50, 52) and that says otherwise is a
 *       late or replayed message: ignored.
 * </ul>
 */
@ApplicationScoped
public class ShippingRules {

    private final OrderStatusMapping mapping;

    public ShippingRules(OrderStatusMapping mapping) {
        this.mapping = mapping;
    }

    /** The change the parcel asks for, or empty when the order already shows it (or it is stale). */
    public Optional<ShippingChange> decide(OrderShippingState order, MaystroParcel parcel, String account) {
        if (regresses(order, parcel)) {
            return Optional.empty();
        }
        Integer code = parcel.statusCode() != null ? parcel.statusCode() : order.shippingCode();
        String label = code == null ? null : MaystroStatus.labelOf(code);
        OrderStatus status = order.status().terminal()
                ? order.status()
                : mapping.forCode(code).orElse(order.status());
        String tracking = parcel.trackingFromDisplayId()
                ? firstNonNull(order.trackingNumber(), parcel.trackingNumber())
                : firstNonNull(parcel.trackingNumber(), order.trackingNumber());
        ShippingChange change = new ShippingChange(
                order,
                parcel,
                account,
                status,
                code,
                label,
                tracking,
                firstNonNull(order.maystroOrderId(), parcel.id()),
                parcel.alertedAt(),
                parcel.deliveredAt(),
                parcel.alertReason(),
                parcel.abortReason());
        return change.changesAnything() ? Optional.of(change) : Optional.empty();
    }

    /** True when the order's courier state is terminal and the parcel would move it elsewhere. */
    public boolean regresses(OrderShippingState order, MaystroParcel parcel) {
        return order.shippingCode() != null
                && MaystroStatus.terminal(order.shippingCode())
                && parcel.statusCode() != null
                && !parcel.statusCode().equals(order.shippingCode());
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
