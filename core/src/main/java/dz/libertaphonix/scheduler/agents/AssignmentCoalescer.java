package dz.libertaphonix.scheduler.agents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of concurrent assignments: when several threads assign at once, one transaction
 * assigns the orders of all of them.
 *
 * <p>Every assigning transaction locks all assignable agents, so concurrent assigners run one after
 * the other and each pays a whole transaction (locks, load count, writes, commit) for its few orders.
 * Here a caller queues its order ids and, if nobody is assigning, becomes the leader: it takes the
 * queue (the oldest request's run id only, up to {@code maxOrders} orders) and runs one {@link Pass}
 * for all of it, then hands each caller the outcome of its own orders. Callers that arrive meanwhile
 * wait; when the leader is done, each finds its part committed, or one of them leads the next batch
 * with everything queued since. No thread of its own: the leader is a caller. A lone caller leads at
 * once and runs its own pass, as without this class.
 *
 * <p>A caller returns only once its orders' pass has committed (or failed: every caller of a failed
 * pass gets the pass's exception). An order several callers of one batch offered counts for the
 * first of them, as the second would have found it assigned already.
 */
public final class AssignmentCoalescer {

    /** One transaction over a set of order ids with one run id; what it considered and wrote. */
    @FunctionalInterface
    interface Pass {
        PassResult run(Collection<Long> orderIds, UUID runId);
    }

    /**
     * @param considered the orders the pass found unassigned and PENDING (and locked)
     * @param done those it gave an agent
     */
    record PassResult(List<Long> considered, List<Assignment> done) {

        AssignmentOutcome outcome() {
            Map<Long, Integer> perAgent = new LinkedHashMap<>();
            done.forEach(assignment -> perAgent.merge(assignment.agentId(), 1, Integer::sum));
            return new AssignmentOutcome(done.size(), considered.size() - done.size(), perAgent);
        }
    }

    /** Counters since start: transactions run, callers served, callers waiting in the queue now. */
    public record Stats(long transactions, long callers, int waiting) {}

    private final int maxOrders;
    private final Pass pass;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private boolean leading;
    private long transactions;
    private long callers;

    AssignmentCoalescer(int maxOrders, Pass pass) {
        if (maxOrders < 1) {
            throw new IllegalArgumentException("maxOrders must be positive: " + maxOrders);
        }
        this.maxOrders = maxOrders;
        this.pass = pass;
    }

    AssignmentOutcome assign(Collection<Long> orderIds, UUID runId) {
        Request mine = new Request(List.copyOf(new LinkedHashSet<>(orderIds)), runId);
        lock.lock();
        try {
            queue.add(mine);
        } finally {
            lock.unlock();
        }
        while (true) {
            List<Request> batch;
            lock.lock();
            try {
                while (!mine.done && leading) {
                    changed.awaitUninterruptibly();
                }
                if (mine.done) {
                    return mine.result();
                }
                leading = true;
                batch = drain();
            } finally {
                lock.unlock();
            }
            Map<Request, Object> results = run(batch);
            lock.lock();
            try {
                results.forEach(Request::complete);
                transactions++;
                callers += batch.size();
                leading = false;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    Stats stats() {
        lock.lock();
        try {
            return new Stats(transactions, callers, queue.size());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest request, and after it every queued request of the same run id while the batch stays
     * within {@code maxOrders} (a request larger than that alone makes a batch of its own).
     */
    private List<Request> drain() {
        List<Request> batch = new ArrayList<>();
        Request head = queue.poll();
        batch.add(head);
        int orders = head.orderIds.size();
        for (Iterator<Request> it = queue.iterator(); it.hasNext(); ) {
            Request next = it.next();
            if (Objects.equals(next.runId, head.runId) && orders + next.orderIds.size() <= maxOrders) {
                batch.add(next);
                orders += next.orderIds.size();
                it.remove();
            }
        }
        return batch;
    }

    /** Runs the batch's one pass; each request's outcome, or the failure for all of them. */
    private Map<Request, Object> run(List<Request> batch) {
        Map<Request, Object> results = new LinkedHashMap<>();
        try {
            Set<Long> all = new LinkedHashSet<>();
            Map<Long, Request> owner = new HashMap<>();
            for (Request request : batch) {
                for (Long id : request.orderIds) {
                    if (owner.putIfAbsent(id, request) == null) {
                        all.add(id);
                    }
                }
            }
            PassResult result = pass.run(all, batch.getFirst().runId);
            Map<Request, List<Long>> considered = new HashMap<>();
            Map<Request, List<Assignment>> done = new HashMap<>();
            result.considered().forEach(id -> considered
                    .computeIfAbsent(owner.get(id), r -> new ArrayList<>())
                    .add(id));
            result.done()
                    .forEach(assignment -> done.computeIfAbsent(owner.get(assignment.orderId()), r -> new ArrayList<>())
                            .add(assignment));
            for (Request request : batch) {
                results.put(
                        request,
                        new PassResult(
                                        considered.getOrDefault(request, List.of()),
                                        done.getOrDefault(request, List.of()))
                                .outcome());
            }
        } catch (Throwable failure) {
            batch.forEach(request -> results.put(request, failure));
        }
        return results;
    }

    private static final class Request {

        final List<Long> orderIds;
        final UUID runId;
        // written and read under the coalescer's lock
        boolean done;
        AssignmentOutcome outcome;
        Throwable failure;

        Request(List<Long> orderIds, UUID runId) {
            this.orderIds = orderIds;
            this.runId = runId;
        }

        void complete(Object result) {
            if (result instanceof AssignmentOutcome assigned) {
                outcome = assigned;
            } else {
                failure = (Throwable) result;
            }
            done = true;
        }

        AssignmentOutcome result() {
            if (failure == null) {
                return outcome;
            }
            // the batch's own exception, so that callers tell an outage (or any failure) apart as before
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("assigning orders failed: " + failure.getMessage(), failure);
        }
    }
}
