package dz.libertaphonix.scheduler.testsupport;

import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.KeyScanCursor;
import io.vertx.mutiny.redis.client.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything the scheduler keeps, as a value to compare: every table of the schema (row count and an
 * order-independent checksum of its rows) and every Redis key (its type and DUMP, which leaves the TTL
 * out). What a dry run may change is left out by name: its own {@code job_runs} row, and the request
 * slots of the rate limiter ({@code scheduler:ratelimit:*}), the upstream's budget which a dry run's
 * reads spend exactly as a real run's would. Its lock and its run key are not left out: both are gone
 * once it has ended, as before it started.
 */
public record StateSnapshot(Map<String, String> tables, Map<String, String> keys) {

    private static final String RATE_LIMIT_KEYS = "scheduler:ratelimit:";

    /**
     * @param ownRun the dry run whose ledger row is left out; null before the run
     */
    public static StateSnapshot take(AgroalDataSource dataSource, RedisDataSource redis, UUID ownRun) {
        return new StateSnapshot(tables(dataSource, ownRun), keys(redis));
    }

    private static Map<String, String> tables(AgroalDataSource dataSource, UUID ownRun) {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> names = new ArrayList<>();
            try (PreparedStatement list = connection.prepareStatement("""
                            select table_name from information_schema.tables
                            where table_schema = current_schema() and table_type = 'BASE TABLE'
                              and table_name <> 'flyway_schema_history'
                            order by table_name
                            """);
                    ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String table : names) {
                String own = table.equals("job_runs") && ownRun != null ? " where t.id <> ?" : "";
                try (PreparedStatement sum = connection.prepareStatement("select count(*),"
                        + " coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '-') from " + table
                        + " t" + own)) {
                    if (!own.isEmpty()) {
                        sum.setObject(1, ownRun);
                    }
                    try (ResultSet rows = sum.executeQuery()) {
                        rows.next();
                        tables.put(table, rows.getLong(1) + " rows, " + rows.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the database snapshot", e);
        }
        return tables;
    }

    private static Map<String, String> keys(RedisDataSource redis) {
        Map<String, String> keys = new TreeMap<>();
        KeyScanCursor<String> cursor = redis.key().scan(new KeyScanArgs().count(500));
        while (cursor.hasNext()) {
            for (String key : cursor.next()) {
                if (key.startsWith(RATE_LIMIT_KEYS)) {
                    continue;
                }
                Response dump = redis.execute("DUMP", key);
                if (dump != null) {
                    keys.put(key, redis.key().type(key) + " " + HexFormat.of().formatHex(dump.toBytes()));
                }
            }
        }
        return keys;
    }
}
