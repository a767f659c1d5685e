package dz.libertaphonix.scheduler.runs;

import static dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads.IN_DISPATCH;
import static dz.libertaphonix.scheduler.testsupport.MaystroParcels.parcel;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import dz.libertaphonix.scheduler.runs.runner.JobRunner;
import dz.libertaphonix.scheduler.runs.runner.RunRequest;
import dz.libertaphonix.scheduler.runs.runner.RunSummary;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.FakeEcoManager;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.MaystroFake;
import dz.libertaphonix.scheduler.testsupport.OrderRow;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.RunFixtures;
import dz.libertaphonix.scheduler.testsupport.ShippingFixtures;
import dz.libertaphonix.scheduler.testsupport.StateSnapshot;
import dz.libertaphonix.scheduler.testsupport.TestJobContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dry runs of every job against the fakes of their real-run tests: the database (row counts and a
 * checksum of every table) and Redis (every key but the rate limiter's request slots) are the same
 * before and after, and the report names what the real run then does.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(MaystroFake.Resource.class)
class DryRunTest {

    static FakeEcoManager fake;

    @Inject
    JobRunner runner;

    @Inject
    JobCatalog catalog;

    @Inject
    ImportFixtures imports;

    @Inject
    ShippingFixtures shipping;

    @Inject
    RunFixtures runs;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RedisDataSource redis;

    @BeforeAll
    static void startFake() {
        fake = FakeEcoManager.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @Test
    void importDryRunNamesTheOrdersItWouldImportQuarantineAndAssignAndWritesNothing() {
        String token = FakeEcoManager.newToken();
        Store store = imports.store(fake, token);
        imports.retireOtherStores(store);
        imports.retireForeignBacklog(store);
        Agent amina = imports.agent("Amina Dry", 10_000);
        imports.retireOtherAgents(amina);
        long backlog = imports.pendingOrder(store, Instant.now().minusSeconds(7_200));
        FakeEcoManager.Shop shop = fake.shop(token).orders(41_001, 41_012, IN_DISPATCH);
        shop.order(41_005).put("telephone", "12345");
        runs.freeJob(EcoManagerSyncJob.ID);
        StateSnapshot before = StateSnapshot.take(dataSource, redis, null);

        RunSummary dry = runner.run(
                RunRequest.requested(EcoManagerSyncJob.ID, RunTrigger.DRY_RUN, "ops@libertaphonix.dz", null));

        assertThat(StateSnapshot.take(dataSource, redis, dry.runId())).isEqualTo(before);
        assertThat(fake.requestCount(token)).isPositive();
        JobRun row = runs.run(dry.runId());
        assertThat(row.trigger).isEqualTo(RunTrigger.DRY_RUN);
        assertThat(row.status).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(row.lockOwner).startsWith(dry.runId().toString());
        assertThat(row.counts)
                .containsEntry("wouldDo.orders.import", 11L)
                .containsEntry("wouldDo.orders.quarantine", 1L)
                .containsEntry("wouldDo.orders.assign", 12L);
        Map<String, Object> wouldDo = wouldDo(row);
        assertThat(samples(wouldDo, "orders.quarantine"))
                .singleElement()
                .asString()
                .startsWith(store.identifier + "/41005: ");
        assertThat(samples(wouldDo, "orders.assign"))
                .hasSize(12)
                .allSatisfy(sample -> assertThat(sample).endsWith("→ Amina Dry (agent " + amina.id + ")"))
                .anySatisfy(sample -> assertThat(sample).startsWith("order " + backlog + " ("));
        assertThat(samples(wouldDo, "stores.cursor")).containsExactly(store.identifier + ": 0 → 41012");
        List<Long> named = samples(wouldDo, "orders.import").stream()
                .map(sample -> Long.parseLong(sample.substring(sample.indexOf('/') + 1, sample.indexOf(' '))))
                .sorted()
                .toList();

        // the real run does what the dry run said
        RunSummary real = runner.run(RunRequest.manual(EcoManagerSyncJob.ID, "ops@libertaphonix.dz", null));

        assertThat(real.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(imports.ecomanagerIds(store))
                .filteredOn(id -> id < 8_000_000) // the backlog order's id is the fixture's
                .containsExactlyElementsOf(named);
        assertThat(imports.cursor(store)).isEqualTo(41_012L);
        assertThat(imports.orders(store).values())
                .allSatisfy(order -> assertThat(order.get("assigned_agent_id")).isEqualTo(amina.id));
    }

    @Test
    void shippingDryRunNamesTheStatusesItWouldChangeAndWritesNothing() throws Exception {
        Job job = catalog.resolve(ShippingStatusSyncJob.ID).found().orElseThrow();
        Instant now = ShippingFixtures.era();
        UUID runId = shipping.run(now);
        Store store = shipping.store();
        List<OrderRow> orders = IntStream.range(0, 4)
                .mapToObj(i -> shipping.order(store, ShippingFixtures.reference("DRY"), now))
                .toList();
        // "main" knows the first three, by page or by lookup, whichever way the sync chooses
        MaystroFake.Account main = MaystroFake.forKey("main", MaystroFake.MAIN_KEY)
                .list(orders.subList(0, 3).stream()
                        .map(o -> parcel(o.reference, 41, now))
                        .toList());
        orders.subList(0, 3).forEach(o -> main.lookup(o.reference, List.of(parcel(o.reference, 41, now))));
        MaystroFake.Account backup = MaystroFake.forKey("backup", MaystroFake.BACKUP_KEY);
        backup.lookup(orders.get(3).reference, List.of(parcel(orders.get(3).reference, 41, now)));
        StateSnapshot before = StateSnapshot.take(dataSource, redis, null);
        TestJobContext context = TestJobContext.shippingAt(runId, now).asDryRun();

        JobResult result = job.execute(context);

        assertThat(StateSnapshot.take(dataSource, redis, null)).isEqualTo(before);
        assertThat(result.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        DryRunReport.Kind statuses = context.wouldDo().kind("orders.status");
        assertThat(statuses.count()).isEqualTo(4);
        assertThat(statuses.samples())
                .containsExactlyInAnyOrderElementsOf(orders.stream()
                        .map(o -> "order " + o.id + " (" + o.reference + "): " + o.status + " → DELIVERED")
                        .toList());
        assertThat(context.wouldDo().kind("courier-accounts.accepted").samples())
                .containsExactlyInAnyOrder("main", "backup");

        // the real run does what the dry run said
        JobResult real = job.execute(TestJobContext.shippingAt(runId, now));

        assertThat(real.counts()).containsEntry("changed", 4L);
        assertThat(orders)
                .allSatisfy(o -> assertThat(shipping.reload(o.id).status.name()).isEqualTo("DELIVERED"));
    }

    @Test
    void cleanupDryRunNamesTheRowsAndKeysItWouldDeleteAndDeletesNothing() {
        Instant longAgo = Instant.parse("1990-01-01T00:00:00Z");
        long log = imports.queryLong(
                "insert into activity_logs (occurred_at, action_type, description) values (?, 'test.dry', 'old')"
                        + " returning id",
                Timestamp.from(longAgo));
        UUID oldRun = UUID.randomUUID();
        imports.execute(
                "insert into job_runs (id, job_id, trigger, started_at, ended_at, status) values (?, 'daily-cleanup',"
                        + " 'SCHEDULED', ?, ?, 'SUCCEEDED')",
                oldRun,
                Timestamp.from(longAgo),
                Timestamp.from(longAgo));
        String withoutTtl = "scheduler:dry-test:" + UUID.randomUUID();
        redis.value(String.class).set(withoutTtl, "left behind");
        String orphanedRunKey = "scheduler:run:" + UUID.randomUUID();
        redis.value(String.class).setex(orphanedRunKey, 600, "gone");
        runs.freeJob(DailyCleanupJob.ID);
        StateSnapshot before = StateSnapshot.take(dataSource, redis, null);

        RunSummary dry =
                runner.run(RunRequest.requested(DailyCleanupJob.ID, RunTrigger.DRY_RUN, "ops@libertaphonix.dz", null));

        assertThat(StateSnapshot.take(dataSource, redis, dry.runId())).isEqualTo(before);
        JobRun row = runs.run(dry.runId());
        assertThat(row.trigger).isEqualTo(RunTrigger.DRY_RUN);
        assertThat(row.status).isEqualTo(JobRunStatus.SUCCEEDED);
        Map<String, Object> wouldDo = wouldDo(row);
        assertThat(samples(wouldDo, "activity_logs.delete")).contains(Long.toString(log));
        assertThat(samples(wouldDo, "job_runs.delete.finished")).contains(oldRun.toString());
        assertThat(samples(wouldDo, "redis.delete.no-ttl")).contains(withoutTtl);
        assertThat(samples(wouldDo, "redis.delete.orphaned")).contains(orphanedRunKey);
        assertThat(samples(wouldDo, "tables.maintain")).contains("orders", "job_runs");
        assertThat(row.counts.get("wouldDo.activity_logs.delete")).isPositive();

        redis.key().del(withoutTtl, orphanedRunKey);
    }

    @Test
    void aDryRunTakesTheJobsLockLikeARealRun() {
        runs.freeJob(DailyCleanupJob.ID);
        redis.value(String.class).setex(RunLock.key(DailyCleanupJob.ID), 60, UUID.randomUUID() + "|other|");
        try {
            RunSummary dry = runner.run(
                    RunRequest.requested(DailyCleanupJob.ID, RunTrigger.DRY_RUN, "ops@libertaphonix.dz", null));

            assertThat(dry.status()).isEqualTo(JobRunStatus.SKIPPED);
            assertThat(runs.run(dry.runId()).skipReason).isEqualTo(JobRunner.ALREADY_RUNNING);
            assertThat(runs.run(dry.runId()).trigger).isEqualTo(RunTrigger.DRY_RUN);
        } finally {
            runs.freeJob(DailyCleanupJob.ID);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> wouldDo(JobRun row) {
        Map<String, Object> results = (Map<String, Object>) row.results;
        assertThat(results).containsEntry("dryRun", true);
        return (Map<String, Object>) results.get("wouldDo");
    }

    @SuppressWarnings("unchecked")
    private static List<String> samples(Map<String, Object> wouldDo, String kind) {
        Map<String, Object> tally = (Map<String, Object>) wouldDo.get(kind);
        assertThat(tally).as("would-do kind %s in %s", kind, wouldDo.keySet()).isNotNull();
        return ((List<Object>) tally.get("samples"))
                .stream().map(String::valueOf).collect(Collectors.toList());
    }
}
