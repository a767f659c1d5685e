package dz.libertaphonix.scheduler.shipping.matching;

import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import java.util.List;

/**
 * Where a parcel belongs.
 *
 * @param order the matched order, null unless {@link Outcome#MATCHED}
 * @param candidates the orders the reference (or tracking number) pointed at
 */
public record ParcelMatch(
        MaystroParcel parcel, Outcome outcome, OrderShippingState order, List<OrderShippingState> candidates) {

    public ParcelMatch {
        candidates = List.copyOf(candidates);
    }

    /** True when one of the orders involved is among the run's open orders. */
    public boolean concernsAnOpenOrder() {
        return candidates.stream().anyMatch(OrderShippingState::open);
    }

    public enum Outcome {
        /** One order, by reference (disambiguated by tracking number or phone if needed) or tracking number. */
        MATCHED,
        /** Several orders share the reference and nothing tells them apart: none is updated. */
        AMBIGUOUS,
        /** No order has this reference or tracking number. */
        UNMATCHED
    }
}
