package dz.libertaphonix.scheduler.shipping.matching;

import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import dz.libertaphonix.scheduler.orders.AlgerianPhone;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the order of each parcel. One query per group of parcels (a page, a batch of lookups) reads
 * the candidate orders by reference or tracking number ({@link ShipmentGateway}); then every parcel
 * is matched in O(1) through two hash maps of that group only, so memory follows the group, not the
 * database.
 *
 * <p>Maystro's {@code external_order_id} is our order reference, unique per store only. When two
 * stores' orders share it, the one whose tracking number equals the parcel's wins, else the only one
 * without a tracking number yet (the others carry another parcel's), else the one whose customer's
 * phone equals the parcel's; if still undecided the parcel is AMBIGUOUS and no order is touched. A parcel whose reference matches nothing falls back to its tracking number.
 */
@ApplicationScoped
public class ShipmentMatcher {

    private final ShipmentGateway shipments;

    public ShipmentMatcher(ShipmentGateway shipments) {
        this.shipments = shipments;
    }

    /**
     * Matches each parcel, in the given order. With {@code criteria}, each matched order says whether
     * it is one of the run's open orders; without (the webhook), every order counts as open.
     */
    public List<ParcelMatch> match(List<MaystroParcel> parcels, OpenOrderCriteria criteria) {
        Set<String> references = new LinkedHashSet<>();
        Set<String> trackingNumbers = new LinkedHashSet<>();
        for (MaystroParcel parcel : parcels) {
            if (parcel.externalOrderId() != null) {
                references.add(parcel.externalOrderId());
            }
            if (parcel.trackingNumber() != null) {
                trackingNumbers.add(parcel.trackingNumber());
            }
        }
        Map<String, List<OrderShippingState>> byReference = new HashMap<>();
        Map<String, List<OrderShippingState>> byTracking = new HashMap<>();
        if (!references.isEmpty() || !trackingNumbers.isEmpty()) {
            for (OrderShippingState order : shipments.candidates(references, trackingNumbers, criteria)) {
                byReference
                        .computeIfAbsent(order.reference(), k -> new ArrayList<>(1))
                        .add(order);
                if (order.trackingNumber() != null) {
                    byTracking
                            .computeIfAbsent(order.trackingNumber(), k -> new ArrayList<>(1))
                            .add(order);
                }
            }
        }
        List<ParcelMatch> matches = new ArrayList<>(parcels.size());
        for (MaystroParcel parcel : parcels) {
            matches.add(matchOne(parcel, byReference, byTracking));
        }
        return matches;
    }

    private static ParcelMatch matchOne(
            MaystroParcel parcel,
            Map<String, List<OrderShippingState>> byReference,
            Map<String, List<OrderShippingState>> byTracking) {
        List<OrderShippingState> sameReference = parcel.externalOrderId() == null
                ? List.of()
                : byReference.getOrDefault(parcel.externalOrderId(), List.of());
        if (sameReference.size() == 1) {
            return matched(parcel, sameReference.get(0), sameReference);
        }
        if (sameReference.size() > 1) {
            String tracking = parcel.trackingNumber();
            Optional<OrderShippingState> chosen = only(
                            sameReference, order -> tracking != null && tracking.equals(order.trackingNumber()))
                    // an order already carrying another tracking number is another parcel's
                    .or(() -> tracking == null
                            ? Optional.empty()
                            : only(sameReference, order -> order.trackingNumber() == null))
                    .or(() -> {
                        Optional<String> phone = AlgerianPhone.normalise(parcel.customerPhone());
                        return phone.flatMap(p -> only(sameReference, order -> p.equals(order.customerPhone())));
                    });
            return chosen.map(order -> matched(parcel, order, sameReference))
                    .orElseGet(() -> new ParcelMatch(parcel, ParcelMatch.Outcome.AMBIGUOUS, null, sameReference));
        }
        List<OrderShippingState> sameTracking = parcel.trackingNumber() == null
                ? List.of()
                : byTracking.getOrDefault(parcel.trackingNumber(), List.of());
        if (sameTracking.size() == 1) {
            return matched(parcel, sameTracking.get(0), sameTracking);
        }
        if (sameTracking.size() > 1) {
            return new ParcelMatch(parcel, ParcelMatch.Outcome.AMBIGUOUS, null, sameTracking);
        }
        return new ParcelMatch(parcel, ParcelMatch.Outcome.UNMATCHED, null, List.of());
    }

    private static ParcelMatch matched(
            MaystroParcel parcel, OrderShippingState order, List<OrderShippingState> candidates) {
        return new ParcelMatch(parcel, ParcelMatch.Outcome.MATCHED, order, candidates);
    }

    private static Optional<OrderShippingState> only(
            List<OrderShippingState> orders, java.util.function.Predicate<OrderShippingState> test) {
        OrderShippingState found = null;
        for (OrderShippingState order : orders) {
            if (test.test(order)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = order;
            }
        }
        return Optional.ofNullable(found);
    }
}
