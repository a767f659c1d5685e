package dz.libertaphonix.scheduler.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dz.libertaphonix.scheduler.common.errors.NotFoundException;
import dz.libertaphonix.scheduler.orders.SqlArrays;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The lineage the database keeps of orders ({@code order_status_events}: every import, assignment,
 * shipping change, webhook and admin change, each with the run that made it): what one run did to
 * which orders, with its activity entries, and the whole history of one order.
 */
@ApplicationScoped
public class OrderLineage {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One status event: an order's change, by whom (source, run) and when. */
    public record OrderEvent(
            long orderId,
            String reference,
            String store,
            String source,
            String fromStatus,
            String toStatus,
            Integer fromShippingCode,
            Integer toShippingCode,
            UUID runId,
            OffsetDateTime occurredAt,
            JsonNode details) {}

    /** One activity entry a run wrote (a store's import, an account's sync, a failure with its answer). */
    public record Activity(
            OffsetDateTime occurredAt, String level, String action, String description, JsonNode metadata) {}

    /** What a run did: its activity and the order events it wrote (the first {@code limit}), with totals. */
    public record RunLineage(UUID runId, long events, long orders, List<OrderEvent> changes, List<Activity> activity) {}

    public record OrderHistory(
            long id,
            String reference,
            String store,
            long ecomanagerId,
            String status,
            String agent,
            String trackingNumber,
            String shippingStatus,
            OffsetDateTime importedAt,
            UUID lastRunId,
            List<OrderEvent> events) {}

    public static class OrderNotFoundException extends NotFoundException {
        public OrderNotFoundException(long id) {
            super("no order " + id);
        }
    }

    private static final String EVENT_COLUMNS = """
            select e.order_id, o.reference, s.identifier, e.source, e.from_status, e.to_status,
                   e.from_shipping_code, e.to_shipping_code, e.run_id, e.occurred_at, e.details::text
              from order_status_events e join orders o on o.id = e.order_id join stores s on s.id = o.store_id
            """;

    private final AgroalDataSource dataSource;

    public OrderLineage(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public RunLineage ofRun(UUID runId, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            Sql sql = new Sql(connection);
            long[] totals = sql.one(
                    "select count(*), count(distinct order_id) from order_status_events where run_id = ?",
                    row -> new long[] {row.getLong(1), row.getLong(2)},
                    runId);
            List<OrderEvent> changes = sql.list(
                    EVENT_COLUMNS + " where e.run_id = ? order by e.id limit ?", OrderLineage::event, runId, limit);
            List<Activity> activity = sql.list(
                    """
                    select occurred_at, level, action_type, description, metadata::text from activity_logs
                     where run_id = ? order by occurred_at, id limit 200
                    """,
                    row -> new Activity(
                            Sql.time(row, 1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            json(row.getString(5))),
                    runId);
            return new RunLineage(runId, totals[0], totals[1], changes, activity);
        } catch (SQLException e) {
            throw SqlArrays.failure("reading what run " + runId + " did", e);
        }
    }

    public OrderHistory ofOrder(long orderId) {
        try (Connection connection = dataSource.getConnection()) {
            Sql sql = new Sql(connection);
            List<OrderEvent> events = sql.list(
                    EVENT_COLUMNS + " where e.order_id = ? order by e.occurred_at, e.id", OrderLineage::event, orderId);
            List<OrderHistory> order = sql.list(
                    """
                    select o.id, o.reference, s.identifier, o.ecomanager_id, o.status, a.name, o.tracking_number,
                           o.shipping_status_label, o.imported_at, o.last_run_id
                      from orders o join stores s on s.id = o.store_id left join agents a on a.id = o.assigned_agent_id
                     where o.id = ?
                    """,
                    row -> new OrderHistory(
                            row.getLong(1),
                            row.getString(2),
                            row.getString(3),
                            row.getLong(4),
                            row.getString(5),
                            row.getString(6),
                            row.getString(7),
                            row.getString(8),
                            Sql.time(row, 9),
                            Sql.uuid(row, 10),
                            events),
                    orderId);
            if (order.isEmpty()) {
                throw new OrderNotFoundException(orderId);
            }
            return order.getFirst();
        } catch (SQLException e) {
            throw SqlArrays.failure("reading the history of order " + orderId, e);
        }
    }

    private static OrderEvent event(java.sql.ResultSet row) throws SQLException {
        Integer fromCode = Sql.nullableLong(row, 7) == null ? null : row.getInt(7);
        Integer toCode = Sql.nullableLong(row, 8) == null ? null : row.getInt(8);
        return new OrderEvent(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                fromCode,
                toCode,
                Sql.uuid(row, 9),
                Sql.time(row, 10),
                json(row.getString(11)));
    }

    static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
