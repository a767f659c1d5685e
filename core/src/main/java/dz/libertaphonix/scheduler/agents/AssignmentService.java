package dz.libertaphonix.scheduler.agents;

import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.orders.StatusEventGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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
 *
 * <p>Group commit: since assigners run one at a time, {@link #assign} called by several threads at
 * once does not run one transaction each: an {@link AssignmentCoalescer} lets whichever caller finds
 * no assignment running assign the orders of all callers waiting (same run id, up to {@value
 * #MAX_GROUP_ORDERS} orders) in one transaction, with the same rule as if they had been offered in
 * one call, and hands each caller the outcome of its own orders once they are committed.
 */
@ApplicationScoped
public class AssignmentService {

    private final AssignmentGateway gateway;
    private final StatusEventGateway statusEvents;
    private final Clock clock;
    private final AssignmentCoalescer coalescer;

    /** The most orders one grouped assignment transaction takes (a larger single call runs alone). */
    public static final int MAX_GROUP_ORDERS = 200;

    public AssignmentService(AssignmentGateway gateway, StatusEventGateway statusEvents, Clock clock) {
        this.gateway = gateway;
        this.statusEvents = statusEvents;
        this.clock = clock;
        this.coalescer =
                new AssignmentCoalescer(MAX_GROUP_ORDERS, (orderIds, runId) -> QuarkusTransaction.requiringNew()
                        .call(() -> pass(orderIds, runId)));
    }

    /**
     * Assigns those of the given orders that are still unassigned and PENDING, oldest first, and
     * returns once that is committed. Concurrent calls are grouped into one transaction (see the
     * class comment); the outcome counts the caller's own orders only. Called inside a transaction,
     * it joins it and is not grouped (its orders may not be visible to any other transaction yet).
     */
    public AssignmentOutcome assign(Collection<Long> orderIds, UUID runId) {
        if (orderIds.isEmpty()) {
            return AssignmentOutcome.NONE;
        }
        if (QuarkusTransaction.isActive()) {
            return pass(orderIds, runId).outcome();
        }
        return coalescer.assign(orderIds, runId);
    }

    /** The group commit's counters: assignment transactions run, calls they served, calls waiting now. */
    public AssignmentCoalescer.Stats groupCommitStats() {
        return coalescer.stats();
    }

    /**
     * Assigns up to {@code limit} orders of the unassigned backlog, oldest first (orders that found
     * no agent with capacity in an earlier run).
     */
    @Transactional
    public AssignmentOutcome assignBacklog(int limit, UUID runId) {
        List<AgentLoad> agents = lockAssignableAgents();
        if (agents.isEmpty()) {
            return AssignmentOutcome.NONE;
        }
        return distribute(agents, gateway.lockBacklog(limit), runId).outcome();
    }

    /**
     * A dry run's assignment: the agents as they stand today, read without locks, to whom the run's
     * orders would go by the same rule, their loads counted up in memory as the run goes.
     */
    public AssignmentPreview preview() {
        LocalDate today = LocalDate.now(clock.withZone(Algiers.ZONE));
        List<AgentLoad> agents = gateway.readAssignableAgents(
                today.atStartOfDay(Algiers.ZONE).toInstant(),
                today.plusDays(1).atStartOfDay(Algiers.ZONE).toInstant());
        return new AssignmentPreview(agents, clock.instant());
    }

    /** What {@link #assignBacklog} would do in a dry run: up to {@code limit} backlog orders planned. */
    public AssignmentPreview.Plan previewBacklog(AssignmentPreview preview, int limit) {
        List<PendingOrder> backlog = gateway.readBacklog(limit);
        return preview.plan(backlog.stream()
                .map(order -> new AssignmentPreview.Candidate(
                        "order " + order.id() + " (" + order.reference() + ")", order.storeId()))
                .toList());
    }

    /** Orders imported and still waiting for an agent. */
    public long backlogSize() {
        return gateway.backlogSize();
    }

    private List<AgentLoad> lockAssignableAgents() {
        LocalDate today = LocalDate.now(clock.withZone(Algiers.ZONE));
        return gateway.lockAssignableAgents(
                today.atStartOfDay(Algiers.ZONE).toInstant(),
                today.plusDays(1).atStartOfDay(Algiers.ZONE).toInstant());
    }

    /** One assigning pass over the given orders, in the current transaction (which it requires). */
    private AssignmentCoalescer.PassResult pass(Collection<Long> orderIds, UUID runId) {
        List<AgentLoad> agents = lockAssignableAgents();
        return distribute(agents, gateway.lockUnassigned(orderIds), runId);
    }

    private AssignmentCoalescer.PassResult distribute(List<AgentLoad> agents, List<PendingOrder> orders, UUID runId) {
        List<Long> considered = orders.stream().map(PendingOrder::id).toList();
        if (orders.isEmpty()) {
            return new AssignmentCoalescer.PassResult(considered, List.of());
        }
        Instant now = clock.instant();
        List<Assignment> planned = plan(agents, orders, now);
        if (planned.isEmpty()) {
            return new AssignmentCoalescer.PassResult(considered, List.of());
        }
        List<Assignment> done = gateway.assign(planned, runId, now);
        if (done.isEmpty()) {
            return new AssignmentCoalescer.PassResult(considered, List.of());
        }
        List<Long> doneOrders = done.stream().map(Assignment::orderId).toList();
        List<Long> doneAgents = done.stream().map(Assignment::agentId).toList();
        gateway.touchAgents(doneAgents.stream().distinct().toList(), now);
        statusEvents.recordAssigned(doneOrders, doneAgents, runId, now);
        gateway.logAssignments(done, runId, now);
        return new AssignmentCoalescer.PassResult(considered, done);
    }

    /**
     * Plans the pass in memory: each order, oldest first, to the agent with the fewest orders today,
     * then the one assigned least recently, among those with capacity left.
     */
    static List<Assignment> plan(List<AgentLoad> agents, List<PendingOrder> orders, Instant now) {
        PriorityQueue<AgentLoad> open = new PriorityQueue<>(Comparator.comparingInt((AgentLoad a) -> a.assignedToday)
                .thenComparing(a -> a.lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(a -> a.pickedInThisPass)
                .thenComparingLong(a -> a.id));
        for (AgentLoad agent : agents) {
            if (agent.hasCapacity()) {
                open.add(agent);
            }
        }
        List<Assignment> planned = new ArrayList<>();
        long pick = 0;
        for (PendingOrder order : orders) {
            AgentLoad agent = open.poll();
            if (agent == null) {
                break;
            }
            planned.add(new Assignment(order.id(), agent.id, order.storeId(), order.reference(), agent.name));
            agent.assignedToday++;
            agent.lastAssignedAt = now;
            // every pick of this pass shares one timestamp; the pick order keeps "least recently" exact
            agent.pickedInThisPass = ++pick;
            if (agent.hasCapacity()) {
                open.add(agent);
            }
        }
        return planned;
    }
}
