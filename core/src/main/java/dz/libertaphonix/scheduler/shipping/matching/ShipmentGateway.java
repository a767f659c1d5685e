package dz.libertaphonix.scheduler.shipping.matching;

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
import java.util.List;
import java.util.Map;

/**
 * The courier side of {@code orders} as the matching and the rules read it ({@link OrderShippingState}):
 * the candidates of a group of parcels in one query by reference or tracking number (both indexed),
 * and the fresh state of orders whose write lost its compare-and-set.
 */
@ApplicationScoped
public class ShipmentGateway {

    private static final String COLUMNS = """
            select o.id, o.store_id, o.reference, c.phone, o.status, o.shipping_status_code,
                   o.shipping_status_label, o.tracking_number, o.maystro_order_id, o.shipping_alerted_at,
                   o.shipping_delivered_at, o.shipping_alert_reason, o.shipping_abort_reason""";

    private final AgroalDataSource dataSource;

    public ShipmentGateway(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The orders whose reference or tracking number is among these. With {@code criteria}, each says
     * whether it is one of the run's open orders; without (the webhook), every order counts as open.
     */
    public List<OrderShippingState> candidates(
            Collection<String> references, Collection<String> trackingNumbers, OpenOrderCriteria criteria) {
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
