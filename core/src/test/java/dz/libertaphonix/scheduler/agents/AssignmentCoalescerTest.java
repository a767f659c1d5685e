package dz.libertaphonix.scheduler.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit's queueing, without a database (the assignment itself is {@link
 * AssignmentServiceTest}'s): who leads, what a batch may hold, who gets which outcome or failure.
 */
class AssignmentCoalescerTest {

    /** One pass as the coalescer ran it. */
    record Ran(List<Long> orderIds, UUID runId, String thread) {}

    final List<Ran> passes = new CopyOnWriteArrayList<>();
    final ExecutorService pool = Executors.newFixedThreadPool(24);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Considers every order, assigns the even ids to agent 1 and leaves the odd ones unassigned. */
    AssignmentCoalescer.PassResult evenToAgentOne(Collection<Long> ids, UUID runId) {
        passes.add(new Ran(List.copyOf(ids), runId, Thread.currentThread().getName()));
        List<Assignment> done = ids.stream()
                .filter(id -> id % 2 == 0)
                .map(id -> new Assignment(id, 1, 7, "R" + id, "Agent One"))
                .toList();
        return new AssignmentCoalescer.PassResult(List.copyOf(ids), done);
    }

    @Test
    void aLoneCallerRunsItsOwnPassOnItsOwnThread() {
        AssignmentCoalescer coalescer = new AssignmentCoalescer(200, this::evenToAgentOne);
        UUID run = UUID.randomUUID();

        AssignmentOutcome outcome = coalescer.assign(List.of(2L, 3L, 4L), run);

        assertThat(outcome).isEqualTo(new AssignmentOutcome(2, 1, Map.of(1L, 2)));
        assertThat(passes)
                .containsExactly(
                        new Ran(List.of(2L, 3L, 4L), run, Thread.currentThread().getName()));
        assertThat(coalescer.stats()).isEqualTo(new AssignmentCoalescer.Stats(1, 1, 0));
    }

    @Test
    void waitingCallersAreGroupedByRunIdWithinTheBoundAndEachGetsItsOwnOutcome() throws Exception {
        CountDownLatch firstPassRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstPass = new CountDownLatch(1);
        AssignmentCoalescer coalescer = new AssignmentCoalescer(100, (ids, runId) -> {
            if (passes.isEmpty()) {
                firstPassRunning.countDown();
                await(releaseFirstPass);
            }
            return evenToAgentOne(ids, runId);
        });
        UUID importRun = UUID.randomUUID();
        Future<AssignmentOutcome> first = pool.submit(() -> coalescer.assign(List.of(1000L), null));
        assertThat(firstPassRunning.await(10, TimeUnit.SECONDS)).isTrue();
        // 12 webhook-like callers of 1 to 15 orders (no run id, 96 orders) and 5 import batches of 25
        // (one run id, 125 orders)
        Map<Future<AssignmentOutcome>, List<Long>> callers = new HashMap<>();
        long next = 1;
        for (int k = 0; k < 17; k++) {
            boolean importBatch = k % 4 == 3 || k == 16;
            int size = importBatch ? 25 : 1 + k;
            List<Long> ids = LongStream.range(next, next + size).boxed().toList();
            next += size;
            UUID run = importBatch ? importRun : null;
            callers.put(pool.submit(() -> coalescer.assign(ids, run)), ids);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> coalescer.stats().waiting() >= 17);
        releaseFirstPass.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new AssignmentOutcome(1, 0, Map.of(1L, 1)));
        for (Map.Entry<Future<AssignmentOutcome>, List<Long>> caller : callers.entrySet()) {
            List<Long> ids = caller.getValue();
            int even = (int) ids.stream().filter(id -> id % 2 == 0).count();
            assertThat(caller.getKey().get(10, TimeUnit.SECONDS))
                    .isEqualTo(new AssignmentOutcome(even, ids.size() - even, even == 0 ? Map.of() : Map.of(1L, even)));
        }
        // each order in exactly one pass; a pass never over 100 orders nor mixing run ids
        List<Long> passed = new ArrayList<>();
        passes.forEach(pass -> passed.addAll(pass.orderIds()));
        assertThat(passed).doesNotHaveDuplicates().hasSize((int) next);
        assertThat(passes).allSatisfy(pass -> assertThat(pass.orderIds()).hasSizeLessThanOrEqualTo(100));
        for (Ran pass : passes.subList(1, passes.size())) {
            boolean importOrders = callers.entrySet().stream()
                    .filter(c -> c.getValue().contains(pass.orderIds().getFirst()))
                    .allMatch(c -> c.getValue().size() == 25);
            assertThat(pass.runId()).isEqualTo(importOrders ? importRun : null);
        }
        // after the first: the 96 webhook orders in one pass, the 125 import orders in two (100 + 25)
        assertThat(passes).hasSize(4);
        assertThat(coalescer.stats()).isEqualTo(new AssignmentCoalescer.Stats(4, 18, 0));
    }

    @Test
    void anOrderTwoCallersOfferCountsForTheFirst() throws Exception {
        CountDownLatch firstPassRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstPass = new CountDownLatch(1);
        AssignmentCoalescer coalescer = new AssignmentCoalescer(200, (ids, runId) -> {
            if (passes.isEmpty()) {
                firstPassRunning.countDown();
                await(releaseFirstPass);
            }
            return evenToAgentOne(ids, runId);
        });
        Future<AssignmentOutcome> leader = pool.submit(() -> coalescer.assign(List.of(99L), null));
        assertThat(firstPassRunning.await(10, TimeUnit.SECONDS)).isTrue();
        Future<AssignmentOutcome> a = pool.submit(() -> coalescer.assign(List.of(2L, 4L), null));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> coalescer.stats().waiting() >= 1);
        Future<AssignmentOutcome> b = pool.submit(() -> coalescer.assign(List.of(4L, 6L), null));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> coalescer.stats().waiting() >= 2);
        releaseFirstPass.countDown();

        assertThat(leader.get(10, TimeUnit.SECONDS).unassigned()).isEqualTo(1);
        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(new AssignmentOutcome(2, 0, Map.of(1L, 2)));
        assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(new AssignmentOutcome(1, 0, Map.of(1L, 1)));
        assertThat(passes.get(1).orderIds()).containsExactly(2L, 4L, 6L);
    }

    @Test
    void everyCallerOfAFailedPassGetsItsExceptionAndTheNextPassRunsAgain() throws Exception {
        CountDownLatch firstPassRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstPass = new CountDownLatch(1);
        IllegalStateException outage = new IllegalStateException("database unavailable while assigning");
        AssignmentCoalescer coalescer = new AssignmentCoalescer(200, (ids, runId) -> {
            boolean first = passes.isEmpty();
            passes.add(new Ran(List.copyOf(ids), runId, Thread.currentThread().getName()));
            if (first) {
                firstPassRunning.countDown();
                await(releaseFirstPass);
                return new AssignmentCoalescer.PassResult(List.copyOf(ids), List.of());
            }
            if (passes.size() == 2) {
                throw outage;
            }
            return new AssignmentCoalescer.PassResult(List.copyOf(ids), List.of());
        });
        Future<AssignmentOutcome> leader = pool.submit(() -> coalescer.assign(List.of(1L), null));
        assertThat(firstPassRunning.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<AssignmentOutcome>> failed = new ArrayList<>();
        for (long id = 10; id < 15; id++) {
            List<Long> ids = List.of(id);
            failed.add(pool.submit(() -> coalescer.assign(ids, null)));
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> coalescer.stats().waiting() >= 5);
        releaseFirstPass.countDown();

        assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo(new AssignmentOutcome(0, 1, Map.of()));
        for (Future<AssignmentOutcome> caller : failed) {
            assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isSameAs(outage);
        }
        assertThat(passes).hasSize(2);
        // the failure is the batch's alone: the next caller leads a pass of its own
        assertThat(coalescer.assign(List.of(20L), null)).isEqualTo(new AssignmentOutcome(0, 1, Map.of()));
        assertThat(coalescer.stats()).isEqualTo(new AssignmentCoalescer.Stats(3, 7, 0));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
