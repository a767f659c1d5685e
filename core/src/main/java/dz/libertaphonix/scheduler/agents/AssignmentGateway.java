package dz.libertaphonix.scheduler.agents;

import static dz.libertaphonix.scheduler.orders.SqlArrays.longs;
import static dz.libertaphonix.scheduler.orders.SqlArrays.texts;

import dz.libertaphonix.scheduler.orders.SqlArrays;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The assignment's SQL: the agents' rows and counters, and the assignment columns of {@code orders},
 * set-based. Every method runs inside the assigning transaction of {@link AssignmentService}, which
 * holds the agent locks from {@link #lockAssignableAgents} to its commit.
 */
@ApplicationScoped
public class AssignmentGateway {

    private static final String UNASSIGNED = "assigned_agent_id is null and status = 'PENDING'";

    private final AgroalDataSource dataSource;

    public AssignmentGateway(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Locks the rows of every active, available agent ({@code FOR UPDATE}, in id order, so two
     * assigners never deadlock), then counts what each was given in {@code [dayStart, dayEnd)}:
     * counted after the locks are held, a concurrent assigner's work is committed and visible.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AgentLoad> lockAssignableAgents(Instant dayStart, Instant dayEnd) {
        return assignableAgents(dayStart, dayEnd, " for update");
    }

    /**
     * As {@link #lockAssignableAgents} without the locks: what a dry run plans with, never holding up a
     * real assigner.
     */
    @Transactional
    public List<AgentLoad> readAssignableAgents(Instant dayStart, Instant dayEnd) {
        return assignableAgents(dayStart, dayEnd, "");
    }

    private List<AgentLoad> assignableAgents(Instant dayStart, Instant dayEnd, String locking) {
        Map<Long, AgentLoad> agents = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock =
                            connection.prepareStatement("select id, name, daily_capacity, last_assigned_at from agents"
                                    + " where active and available order by id" + locking);
                    ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    Timestamp last = rows.getTimestamp(4);
                    agents.put(
                            rows.getLong(1),
                            new AgentLoad(
                                    rows.getLong(1),
                                    rows.getString(2),
                                    rows.getInt(3),
                                    last == null ? null : last.toInstant()));
                }
            }
            if (agents.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement count = connection.prepareStatement("""
                    select assigned_agent_id, count(*) from orders
                    where assigned_agent_id = any(?) and assigned_at >= ? and assigned_at < ?
                    group by assigned_agent_id
                    """)) {
                count.setArray(1, longs(connection, agents.keySet()));
                count.setTimestamp(2, Timestamp.from(dayStart));
                count.setTimestamp(3, Timestamp.from(dayEnd));
                try (ResultSet rows = count.executeQuery()) {
                    while (rows.next()) {
                        agents.get(rows.getLong(1)).assignedToday = rows.getInt(2);
                    }
                }
            }
            return new ArrayList<>(agents.values());
        } catch (SQLException e) {
            throw SqlArrays.failure("locking the assignable agents", e);
        }
    }

    /** Up to {@code limit} orders of the unassigned backlog, oldest first, unlocked: a dry run's reading. */
    @Transactional
    public List<PendingOrder> readBacklog(int limit) {
        String sql =
                "select id, store_id, reference from orders where " + UNASSIGNED + " order by imported_at, id limit ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, limit);
            return pending(select);
        } catch (SQLException e) {
            throw SqlArrays.failure("reading the unassigned backlog", e);
        }
    }

    /** Those of the given orders still unassigned and PENDING, oldest first, locked (skipping any locked elsewhere). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PendingOrder> lockUnassigned(Collection<Long> orderIds) {
        String sql = "select id, store_id, reference from orders where id = any(?) and " + UNASSIGNED
                + " order by imported_at, id for update skip locked";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, longs(connection, orderIds));
            return pending(select);
        } catch (SQLException e) {
            throw SqlArrays.failure("locking the orders to assign", e);
        }
    }

    /** Up to {@code limit} orders of the unassigned backlog, oldest first, locked (skipping any locked elsewhere). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PendingOrder> lockBacklog(int limit) {
        String sql = "select id, store_id, reference from orders where " + UNASSIGNED
                + " order by imported_at, id limit ? for update skip locked";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, limit);
            return pending(select);
        } catch (SQLException e) {
            throw SqlArrays.failure("locking the unassigned backlog", e);
        }
    }

    /**
     * Gives each planned order its agent, if the order is still unassigned and PENDING (checked again
     * in the update): one statement for the pass.
     *
     * @return the assignments actually written, in the order PostgreSQL wrote them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Assignment> assign(List<Assignment> planned, UUID runId, Instant at) {
        Map<Long, Assignment> byOrder = new LinkedHashMap<>();
        planned.forEach(assignment -> byOrder.put(assignment.orderId(), assignment));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update orders o
                        set assigned_agent_id = t.agent_id, assigned_at = ?, status = 'ASSIGNED', updated_at = ?,
                            last_run_id = coalesce(?, o.last_run_id)
                        from unnest(?::bigint[], ?::bigint[]) as t(order_id, agent_id)
                        where o.id = t.order_id and o.assigned_agent_id is null and o.status = 'PENDING'
                        returning o.id, t.agent_id
                        """)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setTimestamp(2, Timestamp.from(at));
            update.setObject(3, runId);
            update.setArray(
                    4,
                    longs(connection, planned.stream().map(Assignment::orderId).toList()));
            update.setArray(
                    5,
                    longs(connection, planned.stream().map(Assignment::agentId).toList()));
            List<Assignment> done = new ArrayList<>();
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    done.add(byOrder.get(rows.getLong(1)));
                }
            }
            return done;
        } catch (SQLException e) {
            throw SqlArrays.failure("assigning orders", e);
        }
    }

    /** Stamps the agents who received orders, so that ties go to the one assigned least recently. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touchAgents(Collection<Long> agentIds, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("update agents set last_assigned_at = ? where id = any(?)")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setArray(2, longs(connection, agentIds));
            update.executeUpdate();
        } catch (SQLException e) {
            throw SqlArrays.failure("stamping the agents' last assignment", e);
        }
    }

    /** One {@code order.assigned} activity entry per assignment, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void logAssignments(List<Assignment> assignments, UUID runId, Instant at) {
        List<Long> orderIds = new ArrayList<>();
        List<Long> agentIds = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<String> agentNames = new ArrayList<>();
        List<Long> storeIds = new ArrayList<>();
        for (Assignment assignment : assignments) {
            orderIds.add(assignment.orderId());
            agentIds.add(assignment.agentId());
            references.add(assignment.reference());
            agentNames.add(assignment.agentName());
            storeIds.add(assignment.storeId());
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement log = connection.prepareStatement("""
                        insert into activity_logs (occurred_at, action_type, level, description, resource_type, resource_id, run_id, metadata)
                        select ?, 'order.assigned', 'INFO', 'Order ' || t.reference || ' assigned to ' || t.agent_name,
                               'order', t.order_id::text, ?,
                               jsonb_build_object('orderId', t.order_id, 'agentId', t.agent_id, 'storeId', t.store_id,
                                                  'reference', t.reference)
                        from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[])
                             as t(order_id, agent_id, reference, agent_name, store_id)
                        """)) {
            log.setTimestamp(1, Timestamp.from(at));
            log.setObject(2, runId);
            log.setArray(3, longs(connection, orderIds));
            log.setArray(4, longs(connection, agentIds));
            log.setArray(5, texts(connection, references));
            log.setArray(6, texts(connection, agentNames));
            log.setArray(7, longs(connection, storeIds));
            log.executeUpdate();
        } catch (SQLException e) {
            throw SqlArrays.failure("logging the assignments", e);
        }
    }

    /** Orders imported and still waiting for an agent. */
    @Transactional
    public long backlogSize() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from orders where " + UNASSIGNED);
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the unassigned backlog: " + e.getMessage(), e);
        }
    }

    private static List<PendingOrder> pending(PreparedStatement select) throws SQLException {
        List<PendingOrder> orders = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                orders.add(new PendingOrder(rows.getLong(1), rows.getLong(2), rows.getString(3)));
            }
        }
        return orders;
    }
}
