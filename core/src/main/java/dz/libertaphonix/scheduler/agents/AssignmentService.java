package dz.libertaphonix.scheduler.agents;

import dz.libertaphonix.scheduler.common.Algiers;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * Gives imported orders to call-centre agents: each order goes to the active, available agent with
 * the fewest orders assigned today (Algiers day) who is still under their daily capacity; ties go to
 * the agent assigned least recently.
 *
 * <p>Concurrency: every assigning transaction first locks the rows of all assignable agents
 * ({@code FOR UPDATE}, in id order, so two assigners never deadlock) and only then counts today's
 * load. Two importers, or an importer and any other assigner that follows the same rule, are thus
 * serialised per pool: the second one counts the first one's committed assignments, so no agent goes
 * over capacity. An order is only ever updated while still unassigned and PENDING (checked under its
 * row lock and again in the UPDATE), so no order is assigned twice.
 */
@ApplicationScoped
public class AssignmentService {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public AssignmentService(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Assigns those of the given orders that are still unassigned and PENDING, oldest first. */
    @Transactional
    public AssignmentOutcome assign(Collection<Long> orderIds, UUID runId) {
        if (orderIds.isEmpty()) {
            return AssignmentOutcome.NONE;
        }
        try (Connection connection = dataSource.getConnection()) {
            List<AgentLoad> agents = lockAssignableAgents(connection);
            List<OrderRef> orders;
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, store_id, reference from orders
                    where id = any(?) and assigned_agent_id is null and status = 'PENDING'
                    order by imported_at, id
                    for update skip locked
                    """)) {
                select.setArray(1, connection.createArrayOf("bigint", orderIds.toArray(Long[]::new)));
                orders = readOrders(select);
            }
            return distribute(connection, agents, orders, runId);
        } catch (SQLException e) {
            throw new IllegalStateException("agent assignment failed: " + e.getMessage(), e);
        }
    }

    /**
     * Assigns up to {@code limit} orders of the unassigned backlog, oldest first (orders that found
     * no agent with capacity in an earlier run).
     */
    @Transactional
    public AssignmentOutcome assignBacklog(int limit, UUID runId) {
        try (Connection connection = dataSource.getConnection()) {
            List<AgentLoad> agents = lockAssignableAgents(connection);
            if (agents.isEmpty()) {
                return AssignmentOutcome.NONE;
            }
            List<OrderRef> orders;
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, store_id, reference from orders
                    where assigned_agent_id is null and status = 'PENDING'
                    order by imported_at, id
                    limit ?
                    for update skip locked
                    """)) {
                select.setInt(1, limit);
                orders = readOrders(select);
            }
            return distribute(connection, agents, orders, runId);
        } catch (SQLException e) {
            throw new IllegalStateException("agent assignment failed: " + e.getMessage(), e);
        }
    }

    /** Orders imported and still waiting for an agent. */
    @Transactional
    public long backlogSize() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from orders where assigned_agent_id is null and status = 'PENDING'");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the unassigned backlog: " + e.getMessage(), e);
        }
    }

    private List<AgentLoad> lockAssignableAgents(Connection connection) throws SQLException {
        Map<Long, AgentLoad> agents = new LinkedHashMap<>();
        try (PreparedStatement lock = connection.prepareStatement("""
                        select id, name, daily_capacity, last_assigned_at from agents
                        where active and available
                        order by id
                        for update
                        """);
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
        // counted after the locks are held: a concurrent assigner's work is committed and visible
        LocalDate today = LocalDate.now(clock.withZone(Algiers.ZONE));
        Instant dayStart = today.atStartOfDay(Algiers.ZONE).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(Algiers.ZONE).toInstant();
        try (PreparedStatement count = connection.prepareStatement("""
                select assigned_agent_id, count(*) from orders
                where assigned_agent_id = any(?) and assigned_at >= ? and assigned_at < ?
                group by assigned_agent_id
                """)) {
            count.setArray(1, connection.createArrayOf("bigint", agents.keySet().toArray(Long[]::new)));
            count.setTimestamp(2, Timestamp.from(dayStart));
            count.setTimestamp(3, Timestamp.from(dayEnd));
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    agents.get(rows.getLong(1)).assignedToday = rows.getInt(2);
                }
            }
        }
        return new ArrayList<>(agents.values());
    }

    private static List<OrderRef> readOrders(PreparedStatement select) throws SQLException {
        List<OrderRef> orders = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                orders.add(new OrderRef(rows.getLong(1), rows.getLong(2), rows.getString(3)));
            }
        }
        return orders;
    }

    private AssignmentOutcome distribute(
            Connection connection, List<AgentLoad> agents, List<OrderRef> orders, UUID runId) throws SQLException {
        if (orders.isEmpty()) {
            return AssignmentOutcome.NONE;
        }
        PriorityQueue<AgentLoad> open = new PriorityQueue<>(Comparator.comparingInt((AgentLoad a) -> a.assignedToday)
                .thenComparing(a -> a.lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(a -> a.pickedInThisPass)
                .thenComparingLong(a -> a.id));
        for (AgentLoad agent : agents) {
            if (agent.assignedToday < agent.capacity) {
                open.add(agent);
            }
        }
        Instant now = clock.instant();
        List<Long> orderIds = new ArrayList<>();
        List<Long> agentIds = new ArrayList<>();
        long pick = 0;
        for (OrderRef order : orders) {
            AgentLoad agent = open.poll();
            if (agent == null) {
                break;
            }
            orderIds.add(order.id);
            agentIds.add(agent.id);
            agent.assignedToday++;
            agent.lastAssignedAt = now;
            // every pick of this pass shares one timestamp; the pick order keeps "least recently" exact
            agent.pickedInThisPass = ++pick;
            if (agent.assignedToday < agent.capacity) {
                open.add(agent);
            }
        }
        if (orderIds.isEmpty()) {
            return new AssignmentOutcome(0, orders.size(), Map.of());
        }
        Map<Long, AgentLoad> byId = new HashMap<>();
        agents.forEach(a -> byId.put(a.id, a));
        Map<Long, OrderRef> ordersById = new HashMap<>();
        orders.forEach(o -> ordersById.put(o.id, o));

        List<Long> doneOrders = new ArrayList<>();
        List<Long> doneAgents = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("""
                update orders o
                set assigned_agent_id = t.agent_id, assigned_at = ?, status = 'ASSIGNED', updated_at = ?,
                    last_run_id = coalesce(?, o.last_run_id)
                from unnest(?::bigint[], ?::bigint[]) as t(order_id, agent_id)
                where o.id = t.order_id and o.assigned_agent_id is null and o.status = 'PENDING'
                returning o.id, t.agent_id
                """)) {
            Timestamp at = Timestamp.from(now);
            update.setTimestamp(1, at);
            update.setTimestamp(2, at);
            update.setObject(3, runId);
            update.setArray(4, longs(connection, orderIds));
            update.setArray(5, longs(connection, agentIds));
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    doneOrders.add(rows.getLong(1));
                    doneAgents.add(rows.getLong(2));
                }
            }
        }
        if (doneOrders.isEmpty()) {
            return new AssignmentOutcome(0, orders.size(), Map.of());
        }
        try (PreparedStatement agentsUpdate =
                connection.prepareStatement("update agents set last_assigned_at = ? where id = any(?)")) {
            agentsUpdate.setTimestamp(1, Timestamp.from(now));
            agentsUpdate.setArray(
                    2, longs(connection, doneAgents.stream().distinct().toList()));
            agentsUpdate.executeUpdate();
        }
        try (PreparedStatement events = connection.prepareStatement("""
                insert into order_status_events (order_id, source, from_status, to_status, run_id, occurred_at, details)
                select t.order_id, 'ASSIGNMENT', 'PENDING', 'ASSIGNED', ?, ?, jsonb_build_object('agentId', t.agent_id)
                from unnest(?::bigint[], ?::bigint[]) as t(order_id, agent_id)
                """)) {
            events.setObject(1, runId);
            events.setTimestamp(2, Timestamp.from(now));
            events.setArray(3, longs(connection, doneOrders));
            events.setArray(4, longs(connection, doneAgents));
            events.executeUpdate();
        }
        List<String> references = new ArrayList<>();
        List<String> agentNames = new ArrayList<>();
        List<Long> storeIds = new ArrayList<>();
        Map<Long, Integer> perAgent = new LinkedHashMap<>();
        for (int i = 0; i < doneOrders.size(); i++) {
            OrderRef order = ordersById.get(doneOrders.get(i));
            AgentLoad agent = byId.get(doneAgents.get(i));
            references.add(order.reference);
            agentNames.add(agent.name);
            storeIds.add(order.storeId);
            perAgent.merge(agent.id, 1, Integer::sum);
        }
        try (PreparedStatement log = connection.prepareStatement("""
                insert into activity_logs (occurred_at, action_type, level, description, resource_type, resource_id, run_id, metadata)
                select ?, 'order.assigned', 'INFO', 'Order ' || t.reference || ' assigned to ' || t.agent_name,
                       'order', t.order_id::text, ?,
                       jsonb_build_object('orderId', t.order_id, 'agentId', t.agent_id, 'storeId', t.store_id,
                                          'reference', t.reference)
                from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[])
                     as t(order_id, agent_id, reference, agent_name, store_id)
                """)) {
            log.setTimestamp(1, Timestamp.from(now));
            log.setObject(2, runId);
            log.setArray(3, longs(connection, doneOrders));
            log.setArray(4, longs(connection, doneAgents));
            log.setArray(5, connection.createArrayOf("text", references.toArray(String[]::new)));
            log.setArray(6, connection.createArrayOf("text", agentNames.toArray(String[]::new)));
            log.setArray(7, longs(connection, storeIds));
            log.executeUpdate();
        }
        return new AssignmentOutcome(doneOrders.size(), orders.size() - doneOrders.size(), perAgent);
    }

    private static Array longs(Connection connection, List<Long> values) throws SQLException {
        return connection.createArrayOf("bigint", values.toArray(Long[]::new));
    }

    /** An agent's load while a pass is being planned. */
    private static final class AgentLoad {
        final long id;
        final String name;
        final int capacity;
        Instant lastAssignedAt;
        int assignedToday;
        long pickedInThisPass;

        AgentLoad(long id, String name, int capacity, Instant lastAssignedAt) {
            this.id = id;
            this.name = name;
            this.capacity = capacity;
            this.lastAssignedAt = lastAssignedAt;
        }
    }

    private record OrderRef(long id, long storeId, String reference) {}
}
