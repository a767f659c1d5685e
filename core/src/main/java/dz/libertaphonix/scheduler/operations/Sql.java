package dz.libertaphonix.scheduler.operations;

import dz.libertaphonix.scheduler.common.Algiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read-only statements on one connection: bind the parameters, map each row. */
final class Sql {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface Each {
        void accept(ResultSet row) throws SQLException;
    }

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    <T> T one(String statement, Row<T> mapper, Object... parameters) throws SQLException {
        List<T> rows = list(statement, mapper, parameters);
        if (rows.isEmpty()) {
            throw new SQLException("no row for a statement that always returns one");
        }
        return rows.getFirst();
    }

    <T> List<T> list(String statement, Row<T> mapper, Object... parameters) throws SQLException {
        List<T> rows = new ArrayList<>();
        each(statement, row -> rows.add(mapper.map(row)), parameters);
        return rows;
    }

    void each(String statement, Each consumer, Object... parameters) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                prepared.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
            }
            try (ResultSet rows = prepared.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        }
    }

    /** A timestamptz column as the admin API writes every time: ISO-8601 with the Algiers offset. */
    static OffsetDateTime time(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant().atZone(Algiers.ZONE).toOffsetDateTime();
    }

    static UUID uuid(ResultSet row, int column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
