package dz.libertaphonix.scheduler.shipping;

import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import dz.libertaphonix.scheduler.orders.AlgerianPhone;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the order of each parcel. One query per group of parcels (a page, a batch of lookups) reads
 * the candidate orders by reference or tracking number (both indexed); then every parcel is matched
 * in O(1) through two hash maps of that group only, so memory follows the group, not the database.
 *
 * <p>Maystro's {@code external_order_id} is our order reference, unique per store only. When two
 * stores' orders share it, the one whose tracking number equals the parcel's wins, else the only one
 * without a tracking number yet (the others carry another parcel's), else the one whose customer's
 * phone equals the parcel's; if still undecided the parcel is AMBIGUOUS and no order is touched. A parcel whose reference matches nothing falls back to its tracking number.
 */
@ApplicationScoped
public class ShipmentMatcher {

    private static final String COLUMNS = """
            select o.id, o.store_id, o.reference, c.phone, o.status, o.shipping_status_code,
                   o.shipping_status_label, o.tracking_number, o.maystro_order_id, o.shipping_alerted_at,
                   o.shipping_delivered_at, o.shipping_alert_reason, o.shipping_abort_reason""";

    private final AgroalDataSource dataSource;

    public ShipmentMatcher(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
            for (OrderShippingState order : candidates(references, trackingNumbers, criteria)) {
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

    /** The current state of these orders (all counted as open), to decide again after a lost write. */
    public Map<Long, OrderShippingState> states(Collection<Long> orderIds) {
        String sql = COLUMNS + ", true from orders o join customers c on c.id = o.customer_id where o.id = any(?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("bigint", orderIds.toArray(Long[]::new)));
            Map<Long, OrderShippingState> states = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    OrderShippingState state = read(rows);
                    states.put(state.id(), state);
                }
            }
            return states;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read orders' shipping state", e);
        }
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

    private List<OrderShippingState> candidates(
            Set<String> references, Set<String> trackingNumbers, OpenOrderCriteria criteria) {
        String open = criteria == null ? "true" : "(" + OpenOrderCriteria.PREDICATE + ")";
        String sql = COLUMNS + ", " + open + """
                 from orders o join customers c on c.id = o.customer_id
                where o.reference = any(?) or o.tracking_number = any(?)""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = criteria == null ? 1 : criteria.bind(statement, 1);
            statement.setArray(next, connection.createArrayOf("text", references.toArray(String[]::new)));
            statement.setArray(next + 1, connection.createArrayOf("text", trackingNumbers.toArray(String[]::new)));
            List<OrderShippingState> orders = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    orders.add(read(rows));
                }
            }
            return orders;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the orders of a group of parcels", e);
        }
    }

    private static OrderShippingState read(ResultSet rows) throws SQLException {
        int code = rows.getInt(6);
        Integer shippingCode = rows.wasNull() ? null : code;
        return new OrderShippingState(
                rows.getLong(1),
                rows.getLong(2),
                rows.getString(3),
                rows.getString(4),
                OrderStatus.valueOf(rows.getString(5)),
                shippingCode,
                rows.getString(7),
                rows.getString(8),
                rows.getString(9),
                instant(rows, 10),
                instant(rows, 11),
                rows.getString(12),
                rows.getString(13),
                rows.getBoolean(14));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
