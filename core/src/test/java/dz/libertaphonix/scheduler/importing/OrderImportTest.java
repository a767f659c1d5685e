package dz.libertaphonix.scheduler.importing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads.IN_DISPATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.common.ratelimit.RateWindow;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerClient;
import dz.libertaphonix.scheduler.events.CredentialsRejected;
import dz.libertaphonix.scheduler.importing.intake.QuarantineNote;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.UnitResult;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads;
import dz.libertaphonix.scheduler.testsupport.FakeEcoManager;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.RecordedCredentialRejections;
import dz.libertaphonix.scheduler.testsupport.TestJobContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import end to end (fake EcoManager → walk → batches → PostgreSQL), store by store. Each test
 * has its own stores and tokens; its stores are retired afterwards so that no later job run visits
 * them. In tests a walk may read 5 pages per store and run (scheduler.import.max-pages-per-store).
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class OrderImportTest {

    @Inject
    RecordedCredentialRejections rejections;

    static FakeEcoManager fake;

    @Inject
    OrderImportService imports;

    @Inject
    ImportFixtures fixtures;

    @Inject
    EcoManagerClient client;

    private final List<Store> created = new ArrayList<>();

    @BeforeAll
    static void startFake() {
        fake = FakeEcoManager.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @AfterEach
    void retireStores() {
        fixtures.deactivate(created.toArray(Store[]::new));
    }

    private Store store(String token) {
        Store store = fixtures.store(fake, token);
        created.add(store);
        return store;
    }

    private JobResult run(TestJobContext context, Store... stores) {
        return imports.run(context, List.of(stores));
    }

    private JobResult run(Store... stores) {
        return run(fixtures.context(), stores);
    }

    private static StoreImportResult resultOf(JobResult run, Store store) {
        return ((ImportRunResult) run.results())
                .stores().stream()
                        .filter(r -> r.storeId() == store.id)
                        .findFirst()
                        .orElseThrow();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void quietHourCostsOneRequest() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        fake.shop(token).orders(1, 300, IN_DISPATCH);
        run(store);
        int before = fake.requestCount(token);

        JobResult quiet = run(store);

        StoreImportResult result = resultOf(quiet, store);
        assertThat(fake.requestCount(token) - before).isEqualTo(1);
        assertThat(result.requests()).isEqualTo(1);
        assertThat(result.imported()).isZero();
        assertThat(result.duplicates()).isZero();
        assertThat(result.status()).isEqualTo(StoreImportStatus.SUCCEEDED);
        assertThat(quiet.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(fixtures.cursor(store)).isEqualTo(300);
    }

    @Test
    void walkStopsAtTheCursorAndNewOrdersCostOnePagePerHundredPlusOne() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        fake.shop(token).orders(1, 250, IN_DISPATCH);
        run(store);
        fake.shop(token).orders(251, 400, IN_DISPATCH).state(260, "Confirmé").state(261, "Livré");
        int before = fake.requestCount(token);

        StoreImportResult result = resultOf(run(store), store);

        // 150 new orders: ⌈150/100⌉ + 1 = 3 pages, the last one reaching 100 orders below the cursor
        assertThat(fake.requestCount(token) - before).isEqualTo(3);
        List<LoggedRequest> requests = fake.requests(token);
        assertThat(requests.get(before).queryParameter("cursor").isPresent()).isFalse();
        assertThat(requests.get(before + 1).queryParameter("cursor").isPresent())
                .isTrue();
        assertThat(result.imported()).isEqualTo(148);
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(result.lateFound()).isZero();
        assertThat(result.cursorBefore()).isEqualTo(250);
        assertThat(result.cursorAfter()).isEqualTo(400);
        assertThat(fixtures.ecomanagerIds(store))
                .hasSize(398)
                .doesNotContain(260L, 261L)
                .contains(251L, 400L);
    }

    @Test
    void cursorIsComparedAsANumberNotAsText() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        // as text "99999" > "174302": the old system stopped importing here
        fake.shop(token).orders(99_950, 99_999, IN_DISPATCH).orders(174_300, 174_302, IN_DISPATCH);
        fixtures.setCursor(store, 99_999);

        StoreImportResult result = resultOf(run(store), store);

        assertThat(result.imported()).isGreaterThanOrEqualTo(3);
        assertThat(fixtures.ecomanagerIds(store)).contains(174_300L, 174_301L, 174_302L);
        assertThat(fixtures.cursor(store)).isEqualTo(174_302);
    }

    @Test
    void storesEachOrderWithItsItemsCustomerAndImportEvent() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        FakeEcoManager.Shop shop = fake.shop(token).orders(70_001, 70_006, IN_DISPATCH);
        TestJobContext context = fixtures.context();

        run(context, store);

        Map<Long, Map<String, Object>> orders = fixtures.orders(store);
        assertThat(orders).hasSize(6);
        for (long id = 70_001; id <= 70_006; id++) {
            ObjectNode payload = shop.order(id);
            Map<String, Object> row = orders.get(id);
            assertThat(row.get("reference")).isEqualTo("LP-" + id);
            assertThat(row.get("ecomanager_state")).isEqualTo(IN_DISPATCH);
            assertThat((BigDecimal) row.get("total"))
                    .isEqualByComparingTo(new BigDecimal(payload.get("total").asText()));
            assertThat(row.get("phone")).isEqualTo(EcoManagerPayloads.nationalPhone(shop.seed(), id));
            assertThat(row.get("full_name")).isEqualTo(payload.get("full_name").asText());
            assertThat(row.get("wilaya")).isEqualTo(payload.get("wilaya").asText());
            assertThat(row.get("last_run_id")).isEqualTo(context.runId());
            // created_at is Algiers local time (UTC+1)
            String created = payload.get("created_at").asText().replace(' ', 'T');
            assertThat(((Timestamp) row.get("ordered_at")).toInstant())
                    .isEqualTo(Instant.parse(created + "Z").minus(Duration.ofHours(1)));
            long orderId = (Long) row.get("id");
            List<Map<String, Object>> items = fixtures.items(orderId);
            assertThat(items).hasSize(payload.get("items").size());
            BigDecimal sumOfLines =
                    items.stream().map(i -> (BigDecimal) i.get("total_price")).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sumOfLines.add(
                            new BigDecimal(payload.get("delivery_price").asText())))
                    .isEqualByComparingTo(new BigDecimal(payload.get("total").asText()));
            assertThat(fixtures.statusEvents(orderId)).first().satisfies(e -> {
                assertThat(e.get("source")).isEqualTo("IMPORT");
                assertThat(e.get("to_status")).isEqualTo("PENDING");
            });
        }
    }

    @Test
    void lateEnDispatchOrderIsCaughtByTheBoundedRescanWindow() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        fake.shop(token).orders(1, 400, IN_DISPATCH).state(390, "Nouvelle").state(50, "Nouvelle");
        run(store);
        assertThat(fixtures.ecomanagerIds(store)).doesNotContain(390L, 50L);
        fake.shop(token).state(390, IN_DISPATCH).state(50, IN_DISPATCH).orders(401, 410, IN_DISPATCH);
        int before = fake.requestCount(token);

        StoreImportResult result = resultOf(run(store), store);

        assertThat(result.imported()).isEqualTo(11);
        assertThat(result.lateFound()).isEqualTo(1);
        assertThat(fixtures.ecomanagerIds(store)).contains(390L, 401L, 410L).doesNotContain(50L);
        // 10 new + a 100-order window: two pages; id 50 lies far below the window
        assertThat(fake.requestCount(token) - before).isEqualTo(2);
        assertThat(result.unknownStates()).isEmpty();
    }

    @Test
    void reportsUnknownStatesRawAndSkipsThem() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        fake.shop(token)
                .orders(1, 10, IN_DISPATCH)
                .state(3, "Nouvelle")
                .state(4, "Nouvelle")
                .state(5, "Confirmé");
        TestJobContext context = fixtures.context();

        StoreImportResult result = resultOf(run(context, store), store);

        assertThat(result.imported()).isEqualTo(7);
        assertThat(result.skipped()).isEqualTo(3);
        assertThat(result.unknownStates()).containsExactly(Map.entry("Nouvelle", 2L));
        assertThat(fixtures.activity(context.runId(), "import.store"))
                .singleElement()
                .satisfies(entry -> assertThat((String) entry.get("metadata")).contains("Nouvelle"));
    }

    @Test
    void commitsInBatchesOf25AndMovesTheCursorAfterEachOne() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        fake.shop(token).orders(5_001, 5_060, IN_DISPATCH);
        TestJobContext context = fixtures.context().deadlineAfterBatch(2);

        JobResult stopped = run(context, store);

        assertThat(context.progress("orders"))
                .extracting(TestJobContext.Progress::done)
                .containsExactly(25L, 50L);
        assertThat(stopped.status()).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(resultOf(stopped, store).status()).isEqualTo(StoreImportStatus.PARTIAL);
        assertThat(fixtures.ecomanagerIds(store)).isEqualTo(range(5_001, 5_050));
        assertThat(fixtures.cursor(store)).isEqualTo(5_050);

        TestJobContext next = fixtures.context();
        StoreImportResult resumed = resultOf(run(next, store), store);

        assertThat(next.progress("orders"))
                .extracting(TestJobContext.Progress::done)
                .containsExactly(10L);
        assertThat(resumed.imported()).isEqualTo(10);
        assertThat(resumed.duplicates()).isZero();
        assertThat(fixtures.ecomanagerIds(store)).isEqualTo(range(5_001, 5_060));
        assertThat(fixtures.cursor(store)).isEqualTo(5_060);
    }

    @Test
    void crashBetweenBatchesLosesNothingAndDuplicatesNothing() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        FakeEcoManager.Shop shop = fake.shop(token).orders(7_001, 7_080, IN_DISPATCH);

        assertThatThrownBy(() -> run(fixtures.context().crashAfterBatch(2), store))
                .isInstanceOf(TestJobContext.SimulatedCrash.class);
        assertThat(fixtures.ecomanagerIds(store)).isEqualTo(range(7_001, 7_050));
        assertThat(fixtures.cursor(store)).isEqualTo(7_050);

        StoreImportResult rerun = resultOf(run(store), store);

        assertThat(rerun.imported()).isEqualTo(30);
        assertThat(rerun.duplicates()).isZero();
        Map<Long, Map<String, Object>> orders = fixtures.orders(store);
        assertThat(orders.keySet()).containsExactlyElementsOf(range(7_001, 7_080));
        for (Map.Entry<Long, Map<String, Object>> order : orders.entrySet()) {
            assertThat(fixtures.items((Long) order.getValue().get("id")))
                    .hasSize(shop.order(order.getKey()).get("items").size());
        }
        assertThat(fixtures.cursor(store)).isEqualTo(7_080);
    }

    @Test
    void reDeliveredOrdersAboveTheCursorAreCountedAsDuplicatesNotInsertedTwice() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        fake.shop(token).orders(1, 40, IN_DISPATCH);
        run(store);
        // as if the cursor had been lost: everything comes again
        fixtures.setCursor(store, 0);

        StoreImportResult again = resultOf(run(store), store);

        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(40);
        assertThat(fixtures.ecomanagerIds(store)).hasSize(40);
        assertThat(fixtures.cursor(store)).isEqualTo(40);
    }

    @Test
    void sameEcoManagerIdsInTwoStoresAreKeptApart() {
        String tokenA = FakeEcoManager.newToken();
        String tokenB = FakeEcoManager.newToken();
        Store natu = store(tokenA);
        Store bioDz = store(tokenB);
        fake.shop(tokenA).orders(20_501, 20_510, IN_DISPATCH);
        fake.shop(tokenB).orders(20_505, 20_520, IN_DISPATCH);

        run(natu, bioDz);

        assertThat(fixtures.ecomanagerIds(natu)).isEqualTo(range(20_501, 20_510));
        assertThat(fixtures.ecomanagerIds(bioDz)).isEqualTo(range(20_505, 20_520));
        assertThat(fixtures.orders(natu).get(20_505L).get("phone"))
                .isEqualTo(EcoManagerPayloads.nationalPhone(fake.shop(tokenA).seed(), 20_505));
        assertThat(fixtures.orders(bioDz).get(20_505L).get("phone"))
                .isEqualTo(EcoManagerPayloads.nationalPhone(fake.shop(tokenB).seed(), 20_505));
    }

    @Test
    void malformedOrdersAreQuarantinedAndTheRestOfThePageIsImported() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        FakeEcoManager.Shop shop = fake.shop(token).orders(1, 30, IN_DISPATCH);
        shop.order(12).put("total", "à voir");
        shop.order(17).putArray("items");
        shop.order(20).put("telephone", "12345");
        shop.order(22).put("reference", "LP-21");
        ObjectNode withoutId = EcoManagerPayloads.order(shop.seed(), 25, IN_DISPATCH);
        withoutId.remove("id");
        shop.put(25, withoutId);
        TestJobContext context = fixtures.context();

        StoreImportResult result = resultOf(run(context, store), store);

        assertThat(result.imported()).isEqualTo(25);
        assertThat(result.quarantined()).isEqualTo(5);
        assertThat(result.status()).isEqualTo(StoreImportStatus.SUCCEEDED);
        assertThat(result.quarantine())
                .extracting(QuarantineNote::ecomanagerId)
                .containsExactlyInAnyOrder(12L, 17L, 20L, 22L, null);
        List<Map<String, Object>> quarantined = fixtures.quarantine(store);
        assertThat(quarantined).hasSize(5);
        assertThat(quarantined)
                .anySatisfy(q -> {
                    assertThat(q.get("ecomanager_id")).isEqualTo(12L);
                    assertThat((String) q.get("reason")).contains("total is not a number");
                    assertThat((String) q.get("payload")).contains("à voir");
                    assertThat(q.get("run_id")).isEqualTo(context.runId());
                })
                .anySatisfy(q -> assertThat((String) q.get("reason")).contains("no items"))
                .anySatisfy(q -> assertThat((String) q.get("reason")).contains("telephone"))
                .anySatisfy(q -> assertThat((String) q.get("reason")).contains("reference LP-21 is already used"))
                .anySatisfy(q -> assertThat((String) q.get("reason")).contains("missing id"));
        assertThat(fixtures.activity(context.runId(), "order.quarantined")).hasSize(5);
        assertThat(fixtures.cursor(store)).isEqualTo(30);

        // seen again: updated, not duplicated; once fixed upstream, imported and resolved
        shop.order(12).put("total", "6400.00");
        StoreImportResult second = resultOf(run(store), store);

        assertThat(second.imported()).isEqualTo(1);
        assertThat(second.lateFound()).isEqualTo(1);
        assertThat(fixtures.quarantine(store)).hasSize(5).anySatisfy(q -> {
            assertThat(q.get("ecomanager_id")).isEqualTo(12L);
            assertThat(q.get("resolved_at")).isNotNull();
        });
        assertThat(fixtures.ecomanagerIds(store)).contains(12L);
    }

    @Test
    void oneStoresFailureNeverStopsTheOthers() {
        String rejected = FakeEcoManager.newToken();
        String down = FakeEcoManager.newToken();
        String garbled = FakeEcoManager.newToken();
        String healthy = FakeEcoManager.newToken();
        Store a = store(rejected);
        Store b = store(down);
        Store c = store(garbled);
        Store d = store(healthy);
        for (String token : List.of(rejected, down, garbled, healthy)) {
            fake.shop(token).orders(1, 12, IN_DISPATCH);
        }
        fake.failAlways(rejected, aResponse().withStatus(401));
        fake.failAlways(down, aResponse().withStatus(503));
        fake.failAlways(garbled, aResponse().withStatus(200).withBody("<html>maintenance</html>"));

        JobResult run = run(a, b, c, d);

        assertThat(resultOf(run, a).status()).isEqualTo(StoreImportStatus.CREDENTIALS_REJECTED);
        assertThat(resultOf(run, a).error()).contains("401").doesNotContain(rejected);
        assertThat(resultOf(run, b).status()).isEqualTo(StoreImportStatus.FAILED);
        assertThat(resultOf(run, b).error()).contains("503");
        assertThat(resultOf(run, c).status()).isEqualTo(StoreImportStatus.FAILED);
        assertThat(resultOf(run, c).error()).contains("not valid JSON");
        assertThat(resultOf(run, d).status()).isEqualTo(StoreImportStatus.SUCCEEDED);
        assertThat(resultOf(run, d).imported()).isEqualTo(12);
        assertThat(run.status()).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(run.counts()).containsEntry("storesFailed", 3L).containsEntry("imported", 12L);
        assertThat(run.message()).contains(a.identifier, b.identifier, c.identifier);
        // each store in short, for the status page: failed or not, orders imported, why
        assertThat(run.units())
                .extracting(UnitResult::unit, UnitResult::succeeded, UnitResult::count)
                .containsExactlyInAnyOrder(
                        tuple(a.identifier, false, 0L),
                        tuple(b.identifier, false, 0L),
                        tuple(c.identifier, false, 0L),
                        tuple(d.identifier, true, 12L));
        assertThat(run.units())
                .filteredOn(unit -> unit.unit().equals(a.identifier))
                .singleElement()
                .satisfies(unit -> assertThat(unit.error()).contains("401"));
        // nothing of the failed stores was taken for an empty list
        assertThat(fixtures.cursor(b)).isZero();
        assertThat(fixtures.cursor(c)).isZero();
        // the rejected store waits for a new token
        assertThat(fixtures.credentialState(a)).isEqualTo("REJECTED");
        // and is announced once, to whoever subscribed to CredentialsRejected
        assertThat(rejections.of(a.identifier)).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(CredentialsRejected.Kind.STORE);
            assertThat(event.httpStatus()).isEqualTo(401);
            assertThat(event.job()).isEqualTo(EcoManagerSyncJob.ID);
        });
        assertThat(rejections.of(b.identifier)).isEmpty();
        assertThat(imports.importableStores())
                .extracting(s -> s.id)
                .doesNotContain(a.id)
                .contains(d.id);
        assertThat(fake.requestCount(rejected)).isEqualTo(1);
    }

    @Test
    void everyStoreFailingFailsTheRun() {
        String down = FakeEcoManager.newToken();
        Store store = store(down);
        fake.failAlways(down, aResponse().withStatus(500));

        JobResult run = run(store);

        assertThat(run.status()).isEqualTo(JobRunStatus.FAILED);
    }

    @Test
    void aLongHistoryIsReadInPageBudgetsThroughAGapThatLaterRunsClose() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        fake.shop(token).orders(1, 750, IN_DISPATCH);

        StoreImportResult first = resultOf(run(store), store);

        assertThat(first.pages()).isEqualTo(5);
        assertThat(first.imported()).isEqualTo(500);
        assertThat(first.status()).isEqualTo(StoreImportStatus.PARTIAL);
        assertThat(first.gapsOpen()).isEqualTo(1);
        assertThat(fixtures.cursor(store)).isEqualTo(750);
        assertThat(fixtures.gaps(store)).singleElement().satisfies(gap -> {
            assertThat(gap.get("above_id")).isEqualTo(0L);
            assertThat(gap.get("below_id")).isEqualTo(251L);
        });
        int before = fake.requestCount(token);

        StoreImportResult second = resultOf(run(store), store);

        // one page for the quiet top, three for the stretch 250..1
        assertThat(fake.requestCount(token) - before).isEqualTo(4);
        assertThat(second.imported()).isEqualTo(250);
        assertThat(second.status()).isEqualTo(StoreImportStatus.SUCCEEDED);
        assertThat(fixtures.gaps(store)).isEmpty();
        assertThat(fixtures.ecomanagerIds(store)).isEqualTo(range(1, 750));
    }

    @Test
    void twoConcurrentImportersShareTheTokensRateBudget() throws Exception {
        String token = FakeEcoManager.newToken();
        // two stores on one EcoManager token (as when one account is registered twice)
        Store first = store(token);
        Store second = store(token);
        fake.shop(token).orders(1, 450, IN_DISPATCH);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<JobResult>> importers = List.of(() -> run(first), () -> run(second));
            for (Future<JobResult> done : pool.invokeAll(importers)) {
                assertThat(done.get().status()).isEqualTo(JobRunStatus.SUCCEEDED);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Instant> arrivals = fake.requests(token).stream()
                .map(r -> r.getLoggedDate().toInstant())
                .toList();
        RateWindow perSecond = client.rateWindows().get(0);
        assertThat(perSecond.length()).isEqualTo(Duration.ofSeconds(1));
        assertThat(arrivals).hasSize(10);
        // no 0.9 s stretch (a second, less the arrival jitter) holds more than the per-second share
        for (Instant start : arrivals) {
            long inWindow = arrivals.stream()
                    .filter(t -> !t.isBefore(start) && t.isBefore(start.plusMillis(900)))
                    .count();
            assertThat(inWindow).isLessThanOrEqualTo(perSecond.limit());
        }
        assertThat(fixtures.ecomanagerIds(first)).hasSize(450);
        assertThat(fixtures.ecomanagerIds(second)).hasSize(450);
    }

    @Test
    void deadlineBeforeAStoresTurnLeavesItUntouched() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        fake.shop(token).orders(1, 5, IN_DISPATCH);

        JobResult run = run(fixtures.context().expired(), store);

        assertThat(run.status()).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(resultOf(run, store).status()).isEqualTo(StoreImportStatus.NOT_STARTED);
        // a store whose turn never came was not synced: the status page says so
        assertThat(run.units()).singleElement().satisfies(unit -> {
            assertThat(unit.succeeded()).isFalse();
            assertThat(unit.error()).contains("deadline");
        });
        assertThat(fake.requestCount(token)).isZero();
        assertThat(fixtures.cursor(store)).isZero();
    }

    @Test
    void importedOrdersAreAssignedBatchByBatch() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        Agent agent = fixtures.agent("Nadia Belaid", 10_000);
        fixtures.retireOtherAgents(agent);
        fake.shop(token).orders(1, 30, IN_DISPATCH);
        TestJobContext context = fixtures.context();

        StoreImportResult result = resultOf(run(context, store), store);

        assertThat(result.assigned()).isEqualTo(30);
        assertThat(result.unassigned()).isZero();
        assertThat(fixtures.orders(store).values()).allSatisfy(o -> {
            assertThat(o.get("status")).isEqualTo("ASSIGNED");
            assertThat(o.get("assigned_agent_id")).isEqualTo(agent.id);
            assertThat(o.get("assigned_at")).isNotNull();
        });
        assertThat(fixtures.activity(context.runId(), "order.assigned", store)).hasSize(30);
    }
}
