package dz.libertaphonix.scheduler.shipping.matching;

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

/**
 * The orders a shipping run follows (see {@link OpenOrderCriteria}), read in bounded pieces: a count
 * with the id range and the oldest order (one row), and keyset chunks of {@code (id, reference)}.
 * Never the whole set in memory.
 */
@ApplicationScoped
public class OpenOrderGateway {

    private final AgroalDataSource dataSource;

    public OpenOrderGateway(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * How many orders are open, their id range, the oldest one's order time, and how many followed
     * orders (open or finished) were placed since then: about as many parcels as Maystro's list holds
     * from its newest down to the oldest open order, which prices a walk through it.
     */
    public Snapshot snapshot(OpenOrderCriteria criteria) {
        String summary = "select count(*), min(o.id), max(o.id), min(coalesce(o.ordered_at, o.imported_at))"
                + " from orders o where " + OpenOrderCriteria.PREDICATE;
        String since = """
                select count(*) from orders o
                where coalesce(o.ordered_at, o.imported_at) >= ?
                  and (o.shipping_status_code is not null or o.tracking_number is not null
                       or o.maystro_order_id is not null or o.status = any(?))""";
        try (Connection connection = dataSource.getConnection()) {
            long count;
            long minId;
            long maxId;
            Instant oldest;
            try (PreparedStatement statement = connection.prepareStatement(summary)) {
                criteria.bind(statement, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    count = rows.getLong(1);
                    if (count == 0) {
                        return new Snapshot(0, 0, -1, null, 0);
                    }
                    minId = rows.getLong(2);
                    maxId = rows.getLong(3);
                    oldest = rows.getObject(4, OffsetDateTime.class).toInstant();
                }
            }
            long followedSince;
            try (PreparedStatement statement = connection.prepareStatement(since)) {
                statement.setTimestamp(1, Timestamp.from(oldest));
                statement.setArray(
                        2,
                        connection.createArrayOf(
                                "text",
                                criteria.tracked().stream().map(Enum::name).toArray(String[]::new)));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    followedSince = rows.getLong(1);
                }
            }
            return new Snapshot(count, minId, maxId, oldest, followedSince);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the open orders", e);
        }
    }

    /** Up to {@code limit} open orders with an id above {@code afterId}, by id. */
    public List<OpenOrder> chunk(OpenOrderCriteria criteria, long afterId, int limit) {
        String sql = "select o.id, o.reference from orders o where " + OpenOrderCriteria.PREDICATE
                + " and o.id > ? order by o.id limit ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = criteria.bind(statement, 1);
            statement.setLong(next, afterId);
            statement.setInt(next + 1, limit);
            List<OpenOrder> orders = new ArrayList<>(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    orders.add(new OpenOrder(rows.getLong(1), rows.getString(2)));
                }
            }
            return orders;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read open orders", e);
        }
    }

    /**
     * @param count open orders
     * @param minId lowest open order id
     * @param maxId highest open order id
     * @param oldestPlacedAt order time of the oldest open order (its import time when unknown)
     * @param followedSince followed orders placed since the oldest open order, finished ones included
     */
    public record Snapshot(long count, long minId, long maxId, Instant oldestPlacedAt, long followedSince) {}

    public record OpenOrder(long id, String reference) {}
}
