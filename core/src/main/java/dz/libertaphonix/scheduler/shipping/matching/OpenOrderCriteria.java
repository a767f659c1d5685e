package dz.libertaphonix.scheduler.shipping.matching;

import dz.libertaphonix.scheduler.orders.OrderStatus;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

/**
 * Which orders a run follows: a tracking relationship to Maystro (a courier code, tracking number or
 * Maystro id, or a status in {@code tracked}), a courier status that is not terminal, imported since
 * {@code importedSince}, and (once the run has counted them) an id inside the run's snapshot.
 */
public record OpenOrderCriteria(Instant importedSince, Set<OrderStatus> tracked, long minId, long maxId) {

    /**
     * The first line repeats the predicate of the partial index {@code orders_shipping_open}, so
     * PostgreSQL can use it. Parameters: imported-since, tracked statuses (text[]), min id, max id.
     */
    static final String PREDICATE = """
            (o.shipping_status_code is null or o.shipping_status_code not in (41, 50, 52))
            and o.imported_at >= ?
            and (o.shipping_status_code is not null or o.tracking_number is not null
                 or o.maystro_order_id is not null or o.status = any(?))
            and o.id between ? and ?""";

    static final int PARAMETERS = 4;

    /** Before the snapshot: every id. */
    public static OpenOrderCriteria unbounded(Instant importedSince, Set<OrderStatus> tracked) {
        return new OpenOrderCriteria(importedSince, Set.copyOf(tracked), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public OpenOrderCriteria withIds(long min, long max) {
        return new OpenOrderCriteria(importedSince, tracked, min, max);
    }

    /** Binds the {@link #PREDICATE}'s parameters from position {@code first}; returns the next position. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        Connection connection = statement.getConnection();
        statement.setTimestamp(first, Timestamp.from(importedSince));
        Array statuses = connection.createArrayOf(
                "text", tracked.stream().map(Enum::name).toArray(String[]::new));
        statement.setArray(first + 1, statuses);
        statement.setLong(first + 2, minId);
        statement.setLong(first + 3, maxId);
        return first + PARAMETERS;
    }
}
