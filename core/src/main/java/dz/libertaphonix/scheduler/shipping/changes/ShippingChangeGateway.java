package dz.libertaphonix.scheduler.shipping.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.orders.StatusEventSource;
import dz.libertaphonix.scheduler.shipping.ShippingWriteException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The shipping sync's write to {@code orders} and {@code order_status_events}: a batch of decided
 * changes with ONE statement, in its own transaction: the orders' courier
 * fields and status, the run id stamp, and one {@code order_status_events} row per changed order.
 *
 * <p>Each row is updated only if it still holds the values the change was decided from
 * (compare-and-set), so a webhook or an admin edit that landed meanwhile is never overwritten with a
 * decision made on stale data; such rows come back as not applied and the caller decides again.
 * Hundreds of rows per statement instead of an ORM round trip per row is what makes a 100,000-order
 * run fit in a Lambda's time.
 */
@ApplicationScoped
public class ShippingChangeGateway {

    private static final String STATEMENT = """
            with v as (
              select * from unnest(
                ?::int8[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                cast(? as text[])::timestamptz[], cast(? as text[])::timestamptz[],
                ?::text[], ?::int4[], ?::text[], ?::text[], ?::text[],
                cast(? as text[])::timestamptz[], cast(? as text[])::timestamptz[], ?::text[], ?::text[],
                cast(? as text[])::jsonb[])
                as v(id, old_status, old_code, old_label, old_tracking, old_maystro_id, old_alert_reason,
                     old_abort_reason, old_alerted_at, old_delivered_at,
                     new_status, new_code, new_label, new_tracking, new_maystro_id,
                     new_alerted_at, new_delivered_at, new_alert_reason, new_abort_reason, details)
            ),
            changed as (
              update orders o set
                status = v.new_status,
                shipping_status_code = v.new_code,
                shipping_status_label = v.new_label,
                tracking_number = v.new_tracking,
                maystro_order_id = v.new_maystro_id,
                shipping_alerted_at = v.new_alerted_at,
                shipping_delivered_at = v.new_delivered_at,
                shipping_alert_reason = v.new_alert_reason,
                shipping_abort_reason = v.new_abort_reason,
                shipping_synced_at = ?,
                last_run_id = coalesce(?, o.last_run_id),
                updated_at = ?
              from v
              where o.id = v.id
                and o.status = v.old_status
                and o.shipping_status_code is not distinct from v.old_code
                and o.shipping_status_label is not distinct from v.old_label
                and o.tracking_number is not distinct from v.old_tracking
                and o.maystro_order_id is not distinct from v.old_maystro_id
                and o.shipping_alert_reason is not distinct from v.old_alert_reason
                and o.shipping_abort_reason is not distinct from v.old_abort_reason
                and o.shipping_alerted_at is not distinct from v.old_alerted_at
                and o.shipping_delivered_at is not distinct from v.old_delivered_at
              returning o.id, v.old_status, v.new_status, v.old_code, v.new_code, v.details
            )
            insert into order_status_events
              (order_id, source, from_status, to_status, from_shipping_code, to_shipping_code, run_id, occurred_at, details)
            select id, ?, old_status, new_status, old_code, new_code, ?, ?, details from changed
            returning order_id""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ShippingChangeGateway(AgroalDataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Writes the batch in one statement and one transaction.
     *
     * @param runId the run to stamp on the orders and events; null for a webhook (the order keeps its
     *     last run)
     * @return the ids of the orders actually changed; the others no longer held their expected values
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> write(List<ShippingChange> batch, StatusEventSource source, UUID runId) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(STATEMENT)) {
            int i = 1;
            statement.setArray(
                    i++, array(connection, "int8", batch, c -> c.before().id()));
            statement.setArray(
                    i++,
                    array(connection, "text", batch, c -> c.before().status().name()));
            statement.setArray(
                    i++, array(connection, "int4", batch, c -> c.before().shippingCode()));
            statement.setArray(
                    i++, array(connection, "text", batch, c -> c.before().shippingLabel()));
            statement.setArray(
                    i++, array(connection, "text", batch, c -> c.before().trackingNumber()));
            statement.setArray(
                    i++, array(connection, "text", batch, c -> c.before().maystroOrderId()));
            statement.setArray(
                    i++, array(connection, "text", batch, c -> c.before().alertReason()));
            statement.setArray(
                    i++, array(connection, "text", batch, c -> c.before().abortReason()));
            statement.setArray(
                    i++, array(connection, "text", batch, c -> text(c.before().alertedAt())));
            statement.setArray(
                    i++, array(connection, "text", batch, c -> text(c.before().deliveredAt())));
            statement.setArray(
                    i++, array(connection, "text", batch, c -> c.status().name()));
            statement.setArray(i++, array(connection, "int4", batch, ShippingChange::shippingCode));
            statement.setArray(i++, array(connection, "text", batch, ShippingChange::shippingLabel));
            statement.setArray(i++, array(connection, "text", batch, ShippingChange::trackingNumber));
            statement.setArray(i++, array(connection, "text", batch, ShippingChange::maystroOrderId));
            statement.setArray(i++, array(connection, "text", batch, c -> text(c.alertedAt())));
            statement.setArray(i++, array(connection, "text", batch, c -> text(c.deliveredAt())));
            statement.setArray(i++, array(connection, "text", batch, ShippingChange::alertReason));
            statement.setArray(i++, array(connection, "text", batch, ShippingChange::abortReason));
            statement.setArray(i++, array(connection, "text", batch, this::details));
            statement.setTimestamp(i++, Timestamp.from(now));
            statement.setObject(i++, runId);
            statement.setTimestamp(i++, Timestamp.from(now));
            statement.setString(i++, source.name());
            statement.setObject(i++, runId);
            statement.setTimestamp(i, Timestamp.from(now));
            List<Long> applied = new ArrayList<>(batch.size());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    applied.add(rows.getLong(1));
                }
            }
            return applied;
        } catch (SQLException e) {
            throw new ShippingWriteException("writing a batch of " + batch.size() + " shipping changes failed", e);
        }
    }

    private String details(ShippingChange change) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (change.account() != null) {
            details.put("account", change.account());
        }
        details.put("label", change.shippingLabel());
        if (change.unknownCode()) {
            details.put("unknownCode", true);
        }
        details.put("trackingNumber", change.trackingNumber());
        if (change.alertReason() != null) {
            details.put("alertReason", change.alertReason());
        }
        if (change.abortReason() != null) {
            details.put("abortReason", change.abortReason());
        }
        if (change.deliveredAt() != null) {
            details.put("deliveredAt", change.deliveredAt().toString());
        }
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static <T> java.sql.Array array(
            Connection connection, String type, List<ShippingChange> batch, Function<ShippingChange, T> value)
            throws SQLException {
        Object[] values = new Object[batch.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(batch.get(i));
        }
        return connection.createArrayOf(type, values);
    }
}
