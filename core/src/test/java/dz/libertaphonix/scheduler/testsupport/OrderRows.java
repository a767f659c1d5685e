package dz.libertaphonix.scheduler.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.orders.StatusEventSource;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Orders, customers and status events for tests, by plain SQL: what a test sets up is exactly the
 * row it writes, and what it checks is exactly what the database holds.
 */
@ApplicationScoped
public class OrderRows {

    private static final String ORDER_COLUMNS = """
            store_id, ecomanager_id, reference, customer_id, status, ecomanager_state, confirmation_state,
            ordered_at, total, assigned_agent_id, assigned_at, shipping_status_code, shipping_status_label,
            tracking_number, maystro_order_id, shipping_alerted_at, shipping_delivered_at, shipping_alert_reason,
            shipping_abort_reason, shipping_synced_at, last_run_id, imported_at, updated_at""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public OrderRows(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Inserts the customer; sets and returns its id. */
    public CustomerRow insert(CustomerRow customer) {
        String sql = "insert into customers (full_name, phone, wilaya, commune, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?) returning id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, customer.fullName);
            insert.setString(2, customer.phone);
            insert.setString(3, customer.wilaya);
            insert.setString(4, customer.commune);
            insert.setTimestamp(5, timestamp(customer.createdAt));
            insert.setTimestamp(6, timestamp(customer.updatedAt));
            customer.id = returnedId(insert);
            return customer;
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert a customer: " + e.getMessage(), e);
        }
    }

    /** Inserts the order; sets and returns its id. */
    public OrderRow insert(OrderRow order) {
        String sql = "insert into orders (" + ORDER_COLUMNS + ")"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            int i = 1;
            insert.setLong(i++, order.storeId);
            insert.setLong(i++, order.ecomanagerId);
            insert.setString(i++, order.reference);
            insert.setLong(i++, order.customerId);
            insert.setString(i++, order.status.name());
            insert.setString(i++, order.ecomanagerState);
            insert.setString(i++, order.confirmationState);
            insert.setTimestamp(i++, timestamp(order.orderedAt));
            insert.setBigDecimal(i++, order.total);
            insert.setObject(i++, order.assignedAgentId);
            insert.setTimestamp(i++, timestamp(order.assignedAt));
            insert.setObject(i++, order.shippingStatusCode);
            insert.setString(i++, order.shippingStatusLabel);
            insert.setString(i++, order.trackingNumber);
            insert.setString(i++, order.maystroOrderId);
            insert.setTimestamp(i++, timestamp(order.shippingAlertedAt));
            insert.setTimestamp(i++, timestamp(order.shippingDeliveredAt));
            insert.setString(i++, order.shippingAlertReason);
            insert.setString(i++, order.shippingAbortReason);
            insert.setTimestamp(i++, timestamp(order.shippingSyncedAt));
            insert.setObject(i++, order.lastRunId);
            insert.setTimestamp(i++, timestamp(order.importedAt));
            insert.setTimestamp(i, timestamp(order.updatedAt));
            order.id = returnedId(insert);
            return order;
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert an order: " + e.getMessage(), e);
        }
    }

    /** The order as the database holds it now. */
    public OrderRow order(long id) {
        String sql = "select id, " + ORDER_COLUMNS + " from orders where id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                OrderRow order = new OrderRow();
                order.id = rows.getLong("id");
                order.storeId = rows.getLong("store_id");
                order.ecomanagerId = rows.getLong("ecomanager_id");
                order.reference = rows.getString("reference");
                order.customerId = rows.getLong("customer_id");
                order.status = OrderStatus.valueOf(rows.getString("status"));
                order.ecomanagerState = rows.getString("ecomanager_state");
                order.confirmationState = rows.getString("confirmation_state");
                order.orderedAt = instant(rows, "ordered_at");
                order.total = rows.getBigDecimal("total");
                order.assignedAgentId = rows.getObject("assigned_agent_id", Long.class);
                order.assignedAt = instant(rows, "assigned_at");
                order.shippingStatusCode = rows.getObject("shipping_status_code", Integer.class);
                order.shippingStatusLabel = rows.getString("shipping_status_label");
                order.trackingNumber = rows.getString("tracking_number");
                order.maystroOrderId = rows.getString("maystro_order_id");
                order.shippingAlertedAt = instant(rows, "shipping_alerted_at");
                order.shippingDeliveredAt = instant(rows, "shipping_delivered_at");
                order.shippingAlertReason = rows.getString("shipping_alert_reason");
                order.shippingAbortReason = rows.getString("shipping_abort_reason");
                order.shippingSyncedAt = instant(rows, "shipping_synced_at");
                order.lastRunId = rows.getObject("last_run_id", UUID.class);
                order.importedAt = instant(rows, "imported_at");
                order.updatedAt = instant(rows, "updated_at");
                return order;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read order " + id + ": " + e.getMessage(), e);
        }
    }

    /** The phone of the order's customer. */
    public String customerPhone(long orderId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select c.phone from orders o join customers c on c.id = o.customer_id where o.id = ?")) {
            select.setLong(1, orderId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The order's status events, oldest first. */
    public List<StatusEventRow> events(long orderId) {
        String sql = "select id, order_id, source, from_status, to_status, from_shipping_code, to_shipping_code,"
                + " run_id, occurred_at, details::text from order_status_events where order_id = ? order by id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, orderId);
            List<StatusEventRow> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new StatusEventRow(
                            rows.getLong(1),
                            rows.getLong(2),
                            StatusEventSource.valueOf(rows.getString(3)),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getObject(6, Integer.class),
                            rows.getObject(7, Integer.class),
                            rows.getObject(8, UUID.class),
                            instant(rows, "occurred_at"),
                            details(rows.getString(10))));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> details(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long returnedId(PreparedStatement insert) throws SQLException {
        try (ResultSet rows = insert.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
