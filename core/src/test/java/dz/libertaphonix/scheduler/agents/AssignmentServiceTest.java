package dz.libertaphonix.scheduler.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.TestJobContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who gets which order. The pool of assignable agents is global, so each test first retires the
 * agents earlier tests left active and works with its own.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class AssignmentServiceTest {

    @Inject
    AssignmentService assignment;

    @Inject
    ImportFixtures fixtures;

    @Inject
    dz.libertaphonix.scheduler.testsupport.CoreFixtures core;

    @Inject
    AgroalDataSource dataSource;

    Store store;

    @BeforeEach
    void storeNobodyImports() {
        store = core.store("https://natu.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        fixtures.deactivate(store);
    }

    private List<Long> pendingOrders(int count) {
        List<Long> ids = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            // imported one second apart, the first the oldest
            ids.add(fixtures.pendingOrder(store, now.minusSeconds(count - i)));
        }
        return ids;
    }

    private Long agentOf(long orderId) {
        return (Long) fixtures.order(orderId).get("assigned_agent_id");
    }

    @Test
    void givesEachOrderToTheAgentWithTheFewestOrdersTodayTiesToTheLeastRecentlyAssigned() {
        Agent amina = fixtures.agent("Amina Kaci", 50);
        Agent bilal = fixtures.agent("Bilal Ferhat", 50);
        Agent chahra = fixtures.agent("Chahra Mansouri", 50);
        fixtures.retireOtherAgents(amina, bilal, chahra);
        Instant now = Instant.now();
        fixtures.alreadyAssigned(amina, store, 3, now.minusSeconds(60));
        fixtures.alreadyAssigned(bilal, store, 1, now.minusSeconds(60));
        fixtures.alreadyAssigned(chahra, store, 1, now.minusSeconds(60));
        fixtures.lastAssignedAt(amina, now.minusSeconds(60));
        fixtures.lastAssignedAt(bilal, now.minusSeconds(30));
        fixtures.lastAssignedAt(chahra, now.minusSeconds(90));
        List<Long> orders = pendingOrders(5);

        AssignmentOutcome outcome = assignment.assign(orders, null);

        assertThat(outcome.assigned()).isEqualTo(5);
        // loads 3/1/1: Chahra (1, assigned longest ago), Bilal (1), then Chahra and Bilal at 2 each,
        // then everyone at 3 with Amina the least recent
        assertThat(orders.stream().map(this::agentOf).toList())
                .containsExactly(chahra.id, bilal.id, chahra.id, bilal.id, amina.id);
        assertThat(fixtures.assignedToday(amina)).isEqualTo(4);
        assertThat(fixtures.assignedToday(bilal)).isEqualTo(3);
        assertThat(fixtures.assignedToday(chahra)).isEqualTo(3);
    }

    @Test
    void neverPushesAnAgentOverDailyCapacityAndCountsWhatIsLeftUnassigned() {
        Agent karim = fixtures.agent("Karim Zerrouki", 2);
        Agent lina = fixtures.agent("Lina Aouadi", 3);
        fixtures.retireOtherAgents(karim, lina);
        fixtures.alreadyAssigned(lina, store, 2, Instant.now().minusSeconds(10));
        List<Long> orders = pendingOrders(5);

        AssignmentOutcome outcome = assignment.assign(orders, null);

        assertThat(outcome.assigned()).isEqualTo(3);
        assertThat(outcome.unassigned()).isEqualTo(2);
        assertThat(outcome.perAgent()).containsOnly(Map.entry(karim.id, 2), Map.entry(lina.id, 1));
        assertThat(fixtures.assignedToday(karim)).isEqualTo(2);
        assertThat(fixtures.assignedToday(lina)).isEqualTo(3);
        // oldest first: the two newest wait
        assertThat(agentOf(orders.get(3))).isNull();
        assertThat(agentOf(orders.get(4))).isNull();
        assertThat(fixtures.order(orders.get(4)).get("status")).isEqualTo("PENDING");
    }

    @Test
    void onlyTodaysAssignmentsInAlgiersCountTowardsTheLoad() {
        Agent yesterdayBusy = fixtures.agent("Meriem Haddad", 50);
        Agent todayBusy = fixtures.agent("Nassim Rahal", 50);
        fixtures.retireOtherAgents(yesterdayBusy, todayBusy);
        Instant startOfToday =
                LocalDate.now(Algiers.ZONE).atStartOfDay(Algiers.ZONE).toInstant();
        // 23:30 Algiers yesterday is 22:30 UTC: still yesterday for the call centre
        fixtures.alreadyAssigned(yesterdayBusy, store, 5, startOfToday.minus(Duration.ofMinutes(30)));
        fixtures.alreadyAssigned(todayBusy, store, 1, Instant.now().minusSeconds(5));

        List<Long> orders = pendingOrders(1);
        assignment.assign(orders, null);

        assertThat(agentOf(orders.get(0))).isEqualTo(yesterdayBusy.id);
    }

    @Test
    void unavailableOrInactiveAgentsGetNothing() {
        Agent onShift = fixtures.agent("Sabrina Lounis", 50);
        Agent offShift = fixtures.agent("Tarek Brahimi", 50);
        fixtures.retireOtherAgents(onShift, offShift);
        fixtures.execute("update agents set available = false where id = ?", offShift.id);

        List<Long> orders = pendingOrders(4);
        assignment.assign(orders, null);

        assertThat(orders.stream().map(this::agentOf)).containsOnly(onShift.id);
    }

    @Test
    void eachAssignmentMarksTheOrderAndWritesAStatusEventAndAnActivityEntry() {
        Agent agent = fixtures.agent("Wassila Benyahia", 50);
        fixtures.retireOtherAgents(agent);
        TestJobContext context = fixtures.context();
        long order = pendingOrders(1).get(0);

        assignment.assign(List.of(order), context.runId());

        Map<String, Object> row = fixtures.order(order);
        assertThat(row.get("status")).isEqualTo("ASSIGNED");
        assertThat(row.get("assigned_agent_id")).isEqualTo(agent.id);
        assertThat(row.get("assigned_at")).isNotNull();
        assertThat(row.get("last_run_id")).isEqualTo(context.runId());
        assertThat(fixtures.statusEvents(order)).last().satisfies(event -> {
            assertThat(event.get("source")).isEqualTo("ASSIGNMENT");
            assertThat(event.get("from_status")).isEqualTo("PENDING");
            assertThat(event.get("to_status")).isEqualTo("ASSIGNED");
            assertThat(event.get("run_id")).isEqualTo(context.runId());
            assertThat((String) event.get("details")).contains(String.valueOf(agent.id));
        });
        assertThat(fixtures.activity(context.runId(), "order.assigned"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat((String) entry.get("description")).contains("Wassila Benyahia");
                    assertThat(entry.get("resource_id")).isEqualTo(String.valueOf(order));
                });
    }

    @Test
    void anOrderAlreadyAssignedIsNotAssignedAgain() {
        Agent first = fixtures.agent("Yasmine Djebbar", 50);
        fixtures.retireOtherAgents(first);
        List<Long> orders = pendingOrders(2);
        assignment.assign(orders, null);

        AssignmentOutcome again = assignment.assign(orders, null);

        assertThat(again.assigned()).isZero();
        assertThat(fixtures.statusEvents(orders.get(0)))
                .filteredOn(e -> "ASSIGNMENT".equals(e.get("source")))
                .hasSize(1);
    }

    @Test
    void backlogIsAssignedOldestFirst() {
        Agent agent = fixtures.agent("Zineb Amrani", 2);
        fixtures.retireOtherAgents(agent);
        fixtures.retireForeignBacklog(store);
        Instant now = Instant.now();
        long newest = fixtures.pendingOrder(store, now.minusSeconds(60));
        long oldest = fixtures.pendingOrder(store, now.minusSeconds(3 * 3600));
        long middle = fixtures.pendingOrder(store, now.minusSeconds(2 * 3600));

        AssignmentOutcome outcome = assignment.assignBacklog(100, null);

        assertThat(outcome.assigned()).isEqualTo(2);
        assertThat(agentOf(oldest)).isEqualTo(agent.id);
        assertThat(agentOf(middle)).isEqualTo(agent.id);
        assertThat(agentOf(newest)).isNull();
        assertThat(assignment.backlogSize()).isEqualTo(1);
    }

    @Test
    void concurrentAssignersNeverOverfillAnAgentNorAssignAnOrderTwice() throws Exception {
        List<Agent> agents = List.of(
                fixtures.agent("Adel Saidi", 10),
                fixtures.agent("Hiba Khelifi", 10),
                fixtures.agent("Omar Bensalem", 10));
        fixtures.retireOtherAgents(agents.toArray(Agent[]::new));
        List<Long> orders = pendingOrders(60);
        int assigners = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(assigners);
        List<Callable<AssignmentOutcome>> work = new ArrayList<>();
        for (int k = 0; k < assigners; k++) {
            // overlapping slices: every order is offered to two assigners at once
            List<Long> slice = orders.subList(10 * k, Math.min(orders.size(), 10 * k + 20));
            work.add(() -> {
                start.await();
                return assignment.assign(slice, null);
            });
        }
        List<Future<AssignmentOutcome>> results = new ArrayList<>();
        try {
            for (Callable<AssignmentOutcome> task : work) {
                results.add(pool.submit(task));
            }
            start.countDown();
            int assigned = 0;
            for (Future<AssignmentOutcome> result : results) {
                assigned += result.get().assigned();
            }
            assertThat(assigned).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }

        for (Agent agent : agents) {
            assertThat(fixtures.assignedToday(agent)).isEqualTo(10);
        }
        Map<Long, Integer> assignmentsPerOrder = new HashMap<>();
        for (long order : orders) {
            int events = (int) fixtures.statusEvents(order).stream()
                    .filter(e -> "ASSIGNMENT".equals(e.get("source")))
                    .count();
            assignmentsPerOrder.put(order, events);
        }
        assertThat(assignmentsPerOrder.values()).allMatch(n -> n <= 1);
        assertThat(assignmentsPerOrder.values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(30);
    }

    /**
     * Group commit: 16 callers assigning at once while a first assignment is held up (a transaction of
     * this test holds one agent's row lock) all queue behind it, and the second transaction assigns
     * the orders of the 15 others at once. Each caller's outcome is its own orders', exactly.
     */
    @Test
    void concurrentCallersShareOneTransactionAndEachGetsTheOutcomeOfItsOwnOrders() throws Exception {
        List<Agent> agents = List.of(
                fixtures.agent("Djamel Boudiaf", 8),
                fixtures.agent("Fella Ait Ali", 8),
                fixtures.agent("Ghani Mebarki", 8));
        fixtures.retireOtherAgents(agents.toArray(Agent[]::new));
        int callers = 16;
        List<Long> orders = pendingOrders(2 * callers);
        AssignmentCoalescer.Stats before = assignment.groupCommitStats();

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers + 1);
        try {
            Future<?> blocker =
                    pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                        try (Connection connection = dataSource.getConnection();
                                PreparedStatement lock =
                                        connection.prepareStatement("select id from agents where id = ? for update")) {
                            lock.setLong(1, agents.get(0).id);
                            lock.executeQuery().close();
                            locked.countDown();
                            release.await(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            List<List<Long>> slices = new ArrayList<>();
            List<Future<AssignmentOutcome>> results = new ArrayList<>();
            for (int k = 0; k < callers; k++) {
                List<Long> slice = List.of(orders.get(k), orders.get(callers + k));
                slices.add(slice);
                results.add(pool.submit(() -> assignment.assign(slice, null)));
            }
            // one caller leads and waits for the agent lock; the 15 others queue behind it
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> assignment.groupCommitStats().waiting() >= callers - 1);
            assertThat(assignment.groupCommitStats().waiting()).isEqualTo(callers - 1);
            release.countDown();
            blocker.get(30, TimeUnit.SECONDS);

            int assigned = 0;
            for (int k = 0; k < callers; k++) {
                AssignmentOutcome outcome = results.get(k).get(30, TimeUnit.SECONDS);
                // every order of the caller was pending: each is either assigned or left unassigned
                assertThat(outcome.assigned() + outcome.unassigned()).isEqualTo(2);
                Map<Long, Integer> actual = new TreeMap<>();
                slices.get(k).stream()
                        .map(this::agentOf)
                        .filter(java.util.Objects::nonNull)
                        .forEach(agent -> actual.merge(agent, 1, Integer::sum));
                assertThat(new TreeMap<>(outcome.perAgent())).isEqualTo(actual);
                assertThat(outcome.assigned())
                        .isEqualTo(actual.values().stream()
                                .mapToInt(Integer::intValue)
                                .sum());
                assigned += outcome.assigned();
            }
            assertThat(assigned).isEqualTo(24);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }

        for (Agent agent : agents) {
            assertThat(fixtures.assignedToday(agent)).isEqualTo(8);
        }
        for (long order : orders) {
            long events = fixtures.statusEvents(order).stream()
                    .filter(e -> "ASSIGNMENT".equals(e.get("source")))
                    .count();
            assertThat(events).isEqualTo(agentOf(order) == null ? 0 : 1);
        }
        // what the database shows: each transaction stamps its orders with one instant, so two
        // instants for 24 assignments of 16 callers (the held-up leader's two orders, then the rest)
        Set<String> instants = orders.stream()
                .map(fixtures::order)
                .map(row -> row.get("assigned_at"))
                .filter(java.util.Objects::nonNull)
                .map(String::valueOf)
                .collect(Collectors.toSet());
        assertThat(instants).hasSize(2);
        AssignmentCoalescer.Stats after = assignment.groupCommitStats();
        assertThat(after.transactions() - before.transactions()).isEqualTo(2);
        assertThat(after.callers() - before.callers()).isEqualTo(callers);
        // oldest first across callers: the 8 newest orders wait (the first leader's two excepted)
        assertThat(orders.stream().filter(order -> agentOf(order) == null).count())
                .isEqualTo(8);
    }
}
