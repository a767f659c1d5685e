package dz.libertaphonix.scheduler.importing.webhook;

import static dz.libertaphonix.scheduler.orders.SqlArrays.longs;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerOrder;
import dz.libertaphonix.scheduler.importing.intake.IntakeStore;
import dz.libertaphonix.scheduler.orders.SqlArrays;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The webhook intake's SQL: the store a delivery's URL names (one statement, no entity: it is on every
 * delivery's path), {@code inbound_events} rows of EcoManager deliveries, the hourly count of
 * refused ones, the EcoManager-state mirror of an order (never moved back by an older version), and
 * the per-store figures the store view shows.
 */
@ApplicationScoped
public class DeliveryGateway {

    private final AgroalDataSource dataSource;

    public DeliveryGateway(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a delivery needs of the store its URL names, read with one statement. */
    public record WebhookStore(long id, String identifier, boolean active, byte[] secretEncrypted) {

        public IntakeStore intakeStore() {
            return new IntakeStore(id, identifier);
        }
    }

    /** The store with this identifier, as a delivery needs it. */
    public Optional<WebhookStore> store(String identifier) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id, identifier, active, webhook_secret_encrypted from stores where identifier = ?")) {
            select.setString(1, identifier);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new WebhookStore(
                                rows.getLong(1), rows.getString(2), rows.getBoolean(3), rows.getBytes(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlArrays.failure("looking up a store", e);
        }
    }

    /**
     * One accepted delivery: autocommit on its own, or in the caller's transaction (the one that
     * inserts the delivered order).
     *
     * @param order null when the body could not be read
     * @param body kept only when {@code outcome} calls for it
     */
    public long record(
            long storeId,
            InboundDelivery delivery,
            EcoManagerOrder order,
            DeliveryOutcome outcome,
            String reason,
            Long orderId,
            String body,
            Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into inbound_events (source, event_type, status, reason, payload, received_at, store_id,
                                                    webhook_id, source_url, ecomanager_id, order_id, order_updated_at)
                        values ('ECOMANAGER', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        returning id
                        """)) {
            insert.setString(1, clip(delivery.event(), 100));
            insert.setString(2, outcome.name());
            insert.setString(3, clip(reason, 1000));
            insert.setString(4, outcome.keepsBody() ? body : null);
            insert.setTimestamp(5, Timestamp.from(at));
            insert.setLong(6, storeId);
            insert.setString(7, clip(delivery.webhookId(), 100));
            insert.setString(8, clip(delivery.source(), 500));
            setLong(insert, 9, order == null ? null : order.id());
            setLong(insert, 10, orderId);
            insert.setTimestamp(
                    11, order == null || order.updatedAt() == null ? null : Timestamp.from(order.updatedAt()));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw SqlArrays.failure("recording a webhook delivery", e);
        }
    }

    /** Counts one refused delivery in the store's current hour. */
    @Transactional
    public void countRejection(long storeId, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into webhook_rejections (store_id, hour, rejections) values (?, ?, 1)
                        on conflict (store_id, hour) do update set rejections = webhook_rejections.rejections + 1
                        """)) {
            upsert.setLong(1, storeId);
            upsert.setTimestamp(2, Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw SqlArrays.failure("counting a refused webhook delivery", e);
        }
    }

    /**
     * The newest EcoManager {@code updated_at} known for the order: of the deliveries received for it
     * and of the version mirrored on the order; null when none is known.
     */
    public Instant newestVersion(long storeId, long ecomanagerId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select greatest(
                            (select max(order_updated_at) from inbound_events
                              where store_id = ? and ecomanager_id = ? and status not in ('MALFORMED', 'UNKNOWN_EVENT')),
                            (select ecomanager_updated_at from orders where store_id = ? and ecomanager_id = ?))
                        """)) {
            select.setLong(1, storeId);
            select.setLong(2, ecomanagerId);
            select.setLong(3, storeId);
            select.setLong(4, ecomanagerId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                Timestamp newest = rows.getTimestamp(1);
                return newest == null ? null : newest.toInstant();
            }
        } catch (SQLException e) {
            throw SqlArrays.failure("looking up the newest version of an order", e);
        }
    }

    /**
     * Mirrors the delivered EcoManager state on the order we have, unless the order already holds a
     * newer version. The order's own status (the agents' and the courier's) is not touched.
     *
     * @return the order's id when it was updated
     */
    @Transactional
    public OptionalLong mirror(long storeId, EcoManagerOrder order, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update orders
                           set ecomanager_state = coalesce(?, ecomanager_state),
                               confirmation_state = coalesce(?, confirmation_state),
                               ecomanager_updated_at = coalesce(?, ecomanager_updated_at),
                               updated_at = ?
                         where store_id = ? and ecomanager_id = ?
                           and (ecomanager_updated_at is null or ecomanager_updated_at <= ?)
                        returning id
                        """)) {
            Timestamp version = order.updatedAt() == null ? null : Timestamp.from(order.updatedAt());
            update.setString(1, order.state());
            update.setString(2, order.confirmationState());
            update.setTimestamp(3, version);
            update.setTimestamp(4, Timestamp.from(at));
            update.setLong(5, storeId);
            update.setLong(6, order.id());
            // an order holding a version is only moved by a delivery that says which version it is
            if (version == null) {
                update.setNull(7, Types.TIMESTAMP);
            } else {
                update.setTimestamp(7, version);
            }
            try (ResultSet rows = update.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw SqlArrays.failure("mirroring an order's EcoManager state", e);
        }
    }

    /** The id of the store's order with this EcoManager id, if we have it. */
    public OptionalLong orderId(long storeId, long ecomanagerId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select id from orders where store_id = ? and ecomanager_id = ?")) {
            select.setLong(1, storeId);
            select.setLong(2, ecomanagerId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw SqlArrays.failure("looking up an order", e);
        }
    }

    /** The webhook figures of these stores over the {@code window} before {@code now}. */
    @Transactional
    public Map<Long, WebhookStats> stats(Collection<Long> storeIds, Instant now, Duration window) {
        Map<Long, WebhookStats> stats = new HashMap<>();
        if (storeIds.isEmpty()) {
            return stats;
        }
        Instant since = now.minus(window);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select s.id,
                               (select count(*) from ecomanager_webhooks w where w.store_id = s.id),
                               (select max(received_at) from inbound_events e where e.store_id = s.id),
                               (select count(*) from inbound_events e where e.store_id = s.id and e.received_at > ?),
                               (select coalesce(sum(rejections), 0) from webhook_rejections r
                                 where r.store_id = s.id and r.hour >= ?)
                          from stores s
                         where s.id = any(?)
                        """)) {
            select.setTimestamp(1, Timestamp.from(since));
            // counted by the hour: the hour the window starts in is included whole
            select.setTimestamp(2, Timestamp.from(since.truncatedTo(ChronoUnit.HOURS)));
            select.setArray(3, longs(connection, storeIds));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp last = rows.getTimestamp(3);
                    stats.put(
                            rows.getLong(1),
                            new WebhookStats(
                                    rows.getInt(2),
                                    last == null ? null : last.toInstant(),
                                    rows.getInt(4),
                                    rows.getInt(5)));
                }
            }
            return stats;
        } catch (SQLException e) {
            throw SqlArrays.failure("reading webhook figures", e);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
