package dz.libertaphonix.scheduler.testsupport;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.stores.Store;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data and read-backs for the order import and agent assignment, by plain SQL so that what a
 * test checks is what the database holds.
 */
@ApplicationScoped
public class ImportFixtures {

    private final AgroalDataSource dataSource;
    private final CoreFixtures core;
    private final Clock clock;

    public ImportFixtures(AgroalDataSource dataSource, CoreFixtures core, Clock clock) {
        this.dataSource = dataSource;
        this.core = core;
        this.clock = clock;
    }

    /**
     * A context for one run. Its {@code job_runs} row is written as already finished: the foreign
     * keys only need it to exist, and no RUNNING row is held that could collide with other tests.
     */
    public TestJobContext context() {
        UUID runId = UUID.randomUUID();
        execute("""
                insert into job_runs (id, job_id, trigger, started_at, ended_at, status)
                values (?, 'ecomanager-sync', 'MANUAL', now(), now(), 'SUCCEEDED')
                """, runId);
        return TestJobContext.importing(runId, clock, Duration.ofMinutes(10));
    }

    /** A store of the fake EcoManager with its own token (and so its own rate budget). */
    public Store store(FakeEcoManager fake, String token) {
        fake.shop(token);
        return core.store(fake.baseUrl(), token);
    }

    public void setCursor(Store store, long cursor) {
        execute("update stores set import_cursor = ? where id = ?", cursor, store.id);
        store.importCursor = cursor;
    }

    public long cursor(Store store) {
        return queryLong("select import_cursor from stores where id = ?", store.id);
    }

    public String credentialState(Store store) {
        return queryString("select credential_state from stores where id = ?", store.id);
    }

    public void deactivate(Store... stores) {
        for (Store store : stores) {
            execute("update stores set active = false where id = ?", store.id);
        }
    }

    /**
     * The job visits every importable store and the assignment pool is every active agent, both
     * shared by all test classes of this JVM. A test that runs the whole job or checks who gets
     * which order first retires what earlier tests left behind.
     */
    public void retireOtherStores(Store... keep) {
        execute("update stores set active = false where active and not (id = any(?))", (Object)
                Arrays.stream(keep).map(s -> s.id).toArray(Long[]::new));
    }

    public void retireOtherAgents(Agent... keep) {
        execute("update agents set active = false where active and not (id = any(?))", (Object)
                Arrays.stream(keep).map(a -> a.id).toArray(Long[]::new));
    }

    /** Closes the unassigned backlog left by earlier tests, so a test's own backlog is all there is. */
    public void retireForeignBacklog(Store... keep) {
        execute(
                "update orders set status = 'CANCELLED' where assigned_agent_id is null and status = 'PENDING'"
                        + " and not (store_id = any(?))",
                (Object) Arrays.stream(keep).map(s -> s.id).toArray(Long[]::new));
    }

    public Agent agent(String name, int capacity) {
        return core.agent(name, capacity);
    }

    /** An agent who already has {@code count} orders assigned at {@code at} (today or another day). */
    public void alreadyAssigned(Agent agent, Store store, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            long id = 9_000_000 + CoreFixtures.next();
            long customer = core.customer().id;
            long orderId = core.order(store.id, id, "PRE-" + id, customer).id;
            execute(
                    "update orders set assigned_agent_id = ?, assigned_at = ?, status = 'ASSIGNED' where id = ?",
                    agent.id,
                    Timestamp.from(at),
                    orderId);
        }
    }

    public void lastAssignedAt(Agent agent, Instant at) {
        execute(
                "update agents set last_assigned_at = ? where id = ?",
                at == null ? null : Timestamp.from(at),
                agent.id);
    }

    /** A PENDING, unassigned order imported at {@code importedAt}. */
    public long pendingOrder(Store store, Instant importedAt) {
        long id = 8_000_000 + CoreFixtures.next();
        long customer = core.customer().id;
        long orderId = core.order(store.id, id, "BL-" + id, customer).id;
        execute("update orders set imported_at = ? where id = ?", Timestamp.from(importedAt), orderId);
        return orderId;
    }

    /** The store's orders: EcoManager id → row (reference, status, total, agent, customer phone ...). */
    public Map<Long, Map<String, Object>> orders(Store store) {
        return rows("""
                select o.ecomanager_id, o.id, o.reference, o.status, o.ecomanager_state, o.total, o.ordered_at,
                       o.assigned_agent_id, o.assigned_at, o.last_run_id, c.phone, c.full_name, c.wilaya, c.commune
                from orders o join customers c on c.id = o.customer_id
                where o.store_id = ? order by o.ecomanager_id
                """, store.id);
    }

    public List<Long> ecomanagerIds(Store store) {
        return new ArrayList<>(orders(store).keySet());
    }

    public List<Map<String, Object>> items(long orderId) {
        return new ArrayList<>(rows(
                        "select line_no, product_id, sku, title, quantity, unit_price, total_price from order_items"
                                + " where order_id = ? order by line_no",
                        orderId)
                .values());
    }

    public List<Map<String, Object>> quarantine(Store store) {
        return new ArrayList<>(rows(
                        "select id, ecomanager_id, reason, payload::text as payload, run_id, resolved_at"
                                + " from quarantined_orders where store_id = ? order by id",
                        store.id)
                .values());
    }

    public List<Map<String, Object>> gaps(Store store) {
        return new ArrayList<>(rows(
                        "select id, above_id, below_id, resume_cursor from import_gaps where store_id = ? order by id",
                        store.id)
                .values());
    }

    public List<Map<String, Object>> activity(UUID runId, String actionType) {
        return new ArrayList<>(rows(
                        "select id, level, description, resource_id, metadata::text as metadata from activity_logs"
                                + " where run_id = ? and action_type = ? order by id",
                        runId,
                        actionType)
                .values());
    }

    /** Entries of a run about one store's orders (metadata.storeId). */
    public List<Map<String, Object>> activity(UUID runId, String actionType, Store store) {
        return new ArrayList<>(rows(
                        "select id, level, description, resource_id, metadata::text as metadata from activity_logs"
                                + " where run_id = ? and action_type = ? and (metadata->>'storeId')::bigint = ? order by id",
                        runId,
                        actionType,
                        store.id)
                .values());
    }

    public List<Map<String, Object>> statusEvents(long orderId) {
        return new ArrayList<>(rows(
                        "select id, source, from_status, to_status, run_id, details::text as details"
                                + " from order_status_events where order_id = ? order by id",
                        orderId)
                .values());
    }

    /** Orders assigned to the agent during the current Algiers day (as the assignment counts them). */
    public long assignedToday(Agent agent) {
        return queryLong("""
                select count(*) from orders where assigned_agent_id = ?
                and assigned_at >= date_trunc('day', now() at time zone 'Africa/Algiers') at time zone 'Africa/Algiers'
                """, agent.id);
    }

    public Map<String, Object> order(long orderId) {
        return rows("select id, status, assigned_agent_id, assigned_at, last_run_id from orders where id = ?", orderId)
                .values()
                .iterator()
                .next();
    }

    public long queryLong(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String queryString(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows keyed by their first column, each as column → value. */
    private Map<Long, Map<String, Object>> rows(String sql, Object... parameters) {
        Map<Long, Map<String, Object>> result = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            long synthetic = 0;
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
                Object key = rows.getObject(1);
                result.put(key instanceof Number n ? n.longValue() : --synthetic, row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Long[] longs) {
                statement.setArray(i + 1, connection.createArrayOf("bigint", longs));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
