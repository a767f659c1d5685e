package dz.libertaphonix.scheduler.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads.IN_DISPATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.common.ratelimit.RedisRateLimiter;
import dz.libertaphonix.scheduler.ecomanager.RateBudgets;
import dz.libertaphonix.scheduler.importing.ImportRunResult;
import dz.libertaphonix.scheduler.importing.OrderImportService;
import dz.libertaphonix.scheduler.importing.StoreImportResult;
import dz.libertaphonix.scheduler.importing.intake.QuarantineNote;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.UnitResult;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.FakeEcoManager;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.StateSnapshot;
import dz.libertaphonix.scheduler.testsupport.TestJobContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The nightly sweep end to end: fake EcoManager (cursor pagination, newest first, 100 per page) →
 * sweep → the import's intake → PostgreSQL, beside the real hourly import, sharing the token's Redis
 * budget. Each test has its own stores and tokens (its own budget); orders are dated inside or
 * outside the 7-day window relative to now.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class EcoManagerReconcileTest {

    private static final DateTimeFormatter ECOMANAGER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final SweepLimits WEEK = new SweepLimits(Duration.ofDays(7), 60);

    static FakeEcoManager fake;

    @Inject
    ReconcileService sweeps;

    @Inject
    OrderImportService imports;

    @Inject
    ImportFixtures fixtures;

    @Inject
    RedisRateLimiter limiter;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RedisDataSource redis;

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

    /**
     * A shop of orders 1..{@code newest}, one a minute up to now (the newest created a minute ago);
     * orders at or below {@code oldBelow} created more than 8 days ago, outside the window.
     */
    private FakeEcoManager.Shop shop(String token, long newest, long oldBelow, String state) {
        FakeEcoManager.Shop shop = fake.shop(token).orders(1, newest, state);
        LocalDateTime now = LocalDateTime.now(Algiers.ZONE);
        for (long id = 1; id <= newest; id++) {
            LocalDateTime created =
                    id <= oldBelow ? now.minusDays(8).minusMinutes(newest - id) : now.minusMinutes(newest - id + 1);
            shop.order(id).put("created_at", created.format(ECOMANAGER_TIME));
        }
        return shop;
    }

    private StoreImportResult hourly(TestJobContext context, Store store) {
        JobResult run = imports.run(context, List.of(store));
        return ((ImportRunResult) run.results()).stores().getFirst();
    }

    private static StoreSweepResult only(JobResult run) {
        return ((ReconcileRunResult) run.results()).stores().getFirst();
    }

    @Test
    void lateEnDispatchOrdersDeepInTheListAreImportedOnceAndNamedWithTheirDepth() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        Agent agent = fixtures.agent("Samira Hadj", 10_000);
        fixtures.retireOtherAgents(agent);
        // earlier runs took the store up to 1200; ten new orders since; 1..150 are older than the window
        FakeEcoManager.Shop shop = shop(token, 1210, 150, "Confirmé");
        fixtures.setCursor(store, 1200);
        for (long id = 1201; id <= 1210; id++) {
            shop.state(id, IN_DISPATCH);
        }
        TestJobContext importRun = fixtures.context();
        assertThat(hourly(importRun, store).imported()).isEqualTo(10);
        // then four older orders reach En dispatch: 12th, 130th, 280th and 1,000th newest
        for (long id : new long[] {1199, 1081, 931, 211}) {
            shop.state(id, IN_DISPATCH);
        }
        int before = fake.requestCount(token);
        TestJobContext sweepRun = fixtures.context();

        JobResult sweep = sweeps.run(sweepRun, List.of(store), WEEK);

        StoreSweepResult result = only(sweep);
        assertThat(sweep.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(result.status()).isEqualTo(StoreSweepStatus.SUCCEEDED);
        assertThat(result.end()).isEqualTo(SweepEnd.WINDOW_COVERED);
        assertThat(result.complete()).isTrue();
        assertThat(result.found())
                .extracting(FoundOrder::ecomanagerId, FoundOrder::depth, FoundOrder::imported)
                .containsExactly(
                        tuple(1199L, 12L, true),
                        tuple(1081L, 130L, true),
                        tuple(931L, 280L, true),
                        tuple(211L, 1000L, true));
        assertThat(result.missing()).isEqualTo(4);
        assertThat(result.imported()).isEqualTo(4);
        assertThat(result.assigned()).isEqualTo(4);
        assertThat(result.quarantined()).isZero();
        assertThat(result.leftToImport()).isZero();
        // the window ends at id 150, the 1,061st newest: eleven pages of 100
        assertThat(result.scanned()).isEqualTo(1060);
        assertThat(result.deepest()).isEqualTo(1060);
        assertThat(result.requests()).isEqualTo(11);
        assertThat(fake.requestCount(token) - before).isEqualTo(11);
        assertThat(result.cursor()).isEqualTo(1210);
        assertThat(sweep.counts())
                .containsEntry("missing", 4L)
                .containsEntry("imported", 4L)
                .containsEntry("scanned", 1060L)
                .containsEntry("requests", 11L);
        assertThat(sweep.units()).containsExactly(new UnitResult(store.identifier, true, 4, null));

        // the import's cursor did not move, and its next quiet hour reads one page and finds nothing
        assertThat(fixtures.cursor(store)).isEqualTo(1210);
        TestJobContext nextHour = fixtures.context();
        StoreImportResult quiet = hourly(nextHour, store);
        assertThat(quiet.requests()).isEqualTo(1);
        assertThat(quiet.imported()).isZero();
        assertThat(quiet.duplicates()).isZero();
        assertThat(fixtures.cursor(store)).isEqualTo(1210);

        Map<Long, Map<String, Object>> orders = fixtures.orders(store);
        assertThat(orders).hasSize(14).containsKeys(1199L, 1081L, 931L, 211L);
        for (long id : new long[] {1199, 1081, 931, 211}) {
            assertThat(orders.get(id).get("assigned_agent_id")).isEqualTo(agent.id);
            assertThat(orders.get(id).get("last_run_id")).isEqualTo(sweepRun.runId());
            assertThat(fixtures.statusEvents((Long) orders.get(id).get("id")))
                    .extracting(event -> event.get("source"))
                    .containsExactly("IMPORT", "ASSIGNMENT");
        }
        assertThat(fixtures.activity(importRun.runId(), "order.assigned", store))
                .hasSize(10);
        assertThat(fixtures.activity(sweepRun.runId(), "order.assigned", store)).hasSize(4);
        assertThat(fixtures.activity(nextHour.runId(), "order.assigned", store)).isEmpty();
    }

    @Test
    void aDryRunNamesTheMissingOrdersAndTheAgentAndWritesNothing() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        Agent agent = fixtures.agent("Yasmine Dry", 10_000);
        fixtures.retireOtherAgents(agent);
        FakeEcoManager.Shop shop = shop(token, 400, 0, "Confirmé");
        fixtures.setCursor(store, 400);
        for (long id : new long[] {390, 171}) {
            shop.state(id, IN_DISPATCH);
        }
        shop.state(250, IN_DISPATCH);
        shop.order(250).put("telephone", "12345");
        TestJobContext dry = fixtures.context().asDryRun(); // its ledger row is the fixture's
        StateSnapshot before = StateSnapshot.take(dataSource, redis, null);

        StoreSweepResult result = only(sweeps.run(dry, List.of(store), WEEK));

        // everything as it was: no order, quarantine row, assignment or activity entry; rate slots aside
        assertThat(StateSnapshot.take(dataSource, redis, null)).isEqualTo(before);
        assertThat(result.missing()).isEqualTo(3);
        assertThat(result.found())
                .extracting(FoundOrder::ecomanagerId, FoundOrder::depth, FoundOrder::imported)
                .containsExactly(tuple(390L, 11L, false), tuple(250L, 151L, false), tuple(171L, 230L, false));
        assertThat(dry.wouldDo().kind("orders.import").samples())
                .containsExactly(store.identifier + "/171 (LP-171)", store.identifier + "/390 (LP-390)");
        assertThat(dry.wouldDo().kind("orders.quarantine").samples())
                .singleElement()
                .asString()
                .startsWith(store.identifier + "/250: ");
        assertThat(dry.wouldDo().kind("orders.assign").samples()).hasSize(2).allSatisfy(sample -> assertThat(sample)
                .endsWith("→ Yasmine Dry (agent " + agent.id + ")"));

        // the real sweep then does what the dry run said
        only(sweeps.run(fixtures.context(), List.of(store), WEEK));
        assertThat(fixtures.orders(store)).containsOnlyKeys(171L, 390L);
        assertThat(fixtures.orders(store).values())
                .allSatisfy(order -> assertThat(order.get("assigned_agent_id")).isEqualTo(agent.id));
    }

    @Test
    void aSecondSweepImportsNothingAndAMalformedMissingOrderIsQuarantined() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        FakeEcoManager.Shop shop = shop(token, 350, 0, "Confirmé");
        fixtures.setCursor(store, 350);
        shop.state(200, IN_DISPATCH).state(120, IN_DISPATCH);
        shop.order(120).put("telephone", "12345");
        // a new order above the cursor: the hourly import's, not the sweep's
        shop.orders(351, 351, IN_DISPATCH);
        shop.order(351).put("created_at", LocalDateTime.now(Algiers.ZONE).format(ECOMANAGER_TIME));

        StoreSweepResult first = only(sweeps.run(fixtures.context(), List.of(store), WEEK));

        assertThat(first.end()).isEqualTo(SweepEnd.END_OF_LIST);
        assertThat(first.found())
                .extracting(FoundOrder::ecomanagerId, FoundOrder::depth, FoundOrder::imported)
                .containsExactly(tuple(200L, 152L, true), tuple(120L, 232L, false));
        assertThat(first.imported()).isEqualTo(1);
        assertThat(first.quarantined()).isEqualTo(1);
        assertThat(first.quarantine()).singleElement().satisfies(note -> {
            assertThat(note.ecomanagerId()).isEqualTo(120L);
            assertThat(note.reason()).contains("telephone");
        });
        assertThat(first.leftToImport()).isEqualTo(1);
        assertThat(fixtures.quarantine(store)).singleElement().satisfies(q -> assertThat(q.get("ecomanager_id"))
                .isEqualTo(120L));
        Object assignedAt = fixtures.orders(store).get(200L).get("assigned_at");

        JobResult again = sweeps.run(fixtures.context(), List.of(store), WEEK);

        StoreSweepResult second = only(again);
        assertThat(second.imported()).isZero();
        assertThat(second.found()).extracting(FoundOrder::ecomanagerId).containsExactly(120L);
        assertThat(second.quarantine()).extracting(QuarantineNote::ecomanagerId).containsExactly(120L);
        assertThat(again.counts()).containsEntry("imported", 0L);
        assertThat(fixtures.quarantine(store)).hasSize(1);
        assertThat(fixtures.orders(store)).containsOnlyKeys(200L);
        assertThat(fixtures.orders(store).get(200L).get("assigned_at")).isEqualTo(assignedAt);
        assertThat(fixtures.cursor(store)).isEqualTo(350);

        // the hourly import takes the new order as new (not a duplicate) and moves its cursor
        StoreImportResult hour = hourly(fixtures.context(), store);
        assertThat(hour.imported()).isEqualTo(1);
        assertThat(hour.duplicates()).isZero();
        assertThat(fixtures.cursor(store)).isEqualTo(351);
    }

    @Test
    void aSpentRequestBudgetIsReportedWithHowFarTheSweepGot() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        FakeEcoManager.Shop shop = shop(token, 500, 0, "Confirmé");
        fixtures.setCursor(store, 500);
        shop.state(50, IN_DISPATCH);

        JobResult run = sweeps.run(fixtures.context(), List.of(store), new SweepLimits(Duration.ofDays(7), 2));

        StoreSweepResult result = only(run);
        assertThat(result.status()).isEqualTo(StoreSweepStatus.PARTIAL);
        assertThat(result.end()).isEqualTo(SweepEnd.REQUEST_BUDGET);
        assertThat(result.complete()).isFalse();
        assertThat(result.requests()).isEqualTo(2);
        assertThat(result.deepest()).isEqualTo(200);
        assertThat(result.found()).isEmpty();
        assertThat(result.error()).contains("request budget of 2 spent at depth 200");
        assertThat(run.status()).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(run.message()).contains(store.identifier).contains("request budget of 2");
        assertThat(run.counts()).containsEntry("storesIncomplete", 1L);
        assertThat(run.units()).singleElement().satisfies(unit -> assertThat(unit.error())
                .contains("request budget"));
        assertThat(fixtures.orders(store)).isEmpty();

        // a budget that reaches it finds it, 451 deep
        StoreSweepResult wider =
                only(sweeps.run(fixtures.context(), List.of(store), new SweepLimits(Duration.ofDays(7), 5)));
        assertThat(wider.found())
                .extracting(FoundOrder::ecomanagerId, FoundOrder::depth)
                .containsExactly(tuple(50L, 451L));
        assertThat(wider.complete()).isTrue();
    }

    @Test
    void theSweepStopsAtItsShareOfTheTokensBudgetAndLeavesTheRestToTheImport() {
        String token = FakeEcoManager.newToken();
        Store store = store(token);
        FakeEcoManager.Shop shop = shop(token, 300, 0, "Confirmé");
        fixtures.setCursor(store, 300);
        shop.state(100, IN_DISPATCH);
        // other users of the token spent 25 requests this minute: the sweep's share (0.5 × 50) is gone,
        // the import's (0.8 × 50) is not
        RateBudgets.spend(limiter, token, Duration.ofMinutes(1), 25);

        JobResult run = sweeps.run(fixtures.context(), List.of(store), WEEK);

        StoreSweepResult result = only(run);
        assertThat(result.status()).isEqualTo(StoreSweepStatus.PARTIAL);
        assertThat(result.end()).isEqualTo(SweepEnd.RATE_BUDGET);
        assertThat(result.requests()).isZero();
        assertThat(result.error()).contains("share of the token's request budget");
        assertThat(run.status()).isEqualTo(JobRunStatus.PARTIAL);

        StoreImportResult hour = hourly(fixtures.context(), store);
        assertThat(hour.requests()).isEqualTo(1);
        assertThat(hour.error()).isNull();
    }

    @Test
    void whatWasFoundBeforeEcoManagerFailedIsStillTakenInAndOtherStoresCarryOn() {
        String failing = FakeEcoManager.newToken();
        String healthy = FakeEcoManager.newToken();
        Store broken = store(failing);
        Store fine = store(healthy);
        shop(failing, 300, 0, "Confirmé").state(250, IN_DISPATCH).state(100, IN_DISPATCH);
        shop(healthy, 120, 0, "Confirmé").state(30, IN_DISPATCH);
        fixtures.setCursor(broken, 300);
        fixtures.setCursor(fine, 120);
        // the first page answers; every later page of this token is a 503
        fake.server()
                .stubFor(get(urlPathEqualTo(FakeEcoManager.PATH + "/orders"))
                        .atPriority(1)
                        .withHeader("Authorization", equalTo("Bearer " + failing))
                        .withQueryParam("cursor", matching(".+"))
                        .willReturn(aResponse().withStatus(503)));

        JobResult run = sweeps.run(fixtures.context(), List.of(broken, fine), WEEK);

        List<StoreSweepResult> stores = ((ReconcileRunResult) run.results()).stores();
        StoreSweepResult down = stores.stream()
                .filter(r -> r.storeId() == broken.id)
                .findFirst()
                .orElseThrow();
        StoreSweepResult up =
                stores.stream().filter(r -> r.storeId() == fine.id).findFirst().orElseThrow();
        assertThat(down.status()).isEqualTo(StoreSweepStatus.FAILED);
        assertThat(down.error()).contains("503");
        assertThat(down.found())
                .extracting(FoundOrder::ecomanagerId, FoundOrder::imported)
                .containsExactly(tuple(250L, true));
        assertThat(up.status()).isEqualTo(StoreSweepStatus.SUCCEEDED);
        assertThat(up.found()).extracting(FoundOrder::ecomanagerId).containsExactly(30L);
        assertThat(run.status()).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(run.counts()).containsEntry("storesFailed", 1L).containsEntry("imported", 2L);
        assertThat(fixtures.ecomanagerIds(broken)).containsExactly(250L);
        assertThat(fixtures.ecomanagerIds(fine)).containsExactly(30L);
    }
}
