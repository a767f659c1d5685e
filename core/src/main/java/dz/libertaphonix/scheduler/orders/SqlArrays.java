package dz.libertaphonix.scheduler.orders;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * What the set-based gateways share: the arrays they bind (a batch travels as one array per column
 * and PostgreSQL turns them back into rows with {@code unnest}, so a batch costs one statement, not
 * one per row), and how they report a failed statement.
 */
public final class SqlArrays {

    private SqlArrays() {}

    public static Array longs(Connection connection, Collection<Long> values) throws SQLException {
        return connection.createArrayOf("bigint", values.toArray(Long[]::new));
    }

    public static Array ints(Connection connection, Collection<Integer> values) throws SQLException {
        return connection.createArrayOf("int4", values.toArray(Integer[]::new));
    }

    public static Array texts(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    /** A failed statement, saying what it was doing; the driver's exception stays the cause. */
    public static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("database error while " + what + ": " + e.getMessage(), e);
    }
}
