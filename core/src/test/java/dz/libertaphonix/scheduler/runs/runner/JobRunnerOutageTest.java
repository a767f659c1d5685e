package dz.libertaphonix.scheduler.runs.runner;

import static dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads.IN_DISPATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.importing.ImportRunResult;
import dz.libertaphonix.scheduler.importing.StoreImportResult;
import dz.libertaphonix.scheduler.importing.StoreImportStatus;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.RunsConfig;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.live.JobLiveState;
import dz.libertaphonix.scheduler.runs.live.LiveStateReader;
import dz.libertaphonix.scheduler.runs.live.RunStateUnavailableException;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import dz.libertaphonix.scheduler.shipping.AccountSyncResult;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSync;
import dz.libertaphonix.scheduler.shipping.ShippingSyncReport;
import dz.libertaphonix.scheduler.shipping.SyncStrategy;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.FakeEcoManager;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.MaystroFake;
import dz.libertaphonix.scheduler.testsupport.OutageServices;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.RunFixtures;
import dz.libertaphonix.scheduler.testsupport.ShippingFixtures;
import dz.libertaphonix.scheduler.testsupport.SlowBatches;
import dz.libertaphonix.scheduler.testsupport.TestJobContext;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL and Redis stopped in the middle of a real import, then started again, with the
 * production lock TTL (16 min): the interrupted run says what failed, the job is free again within
 * seconds of recovery, the live state agrees with the ledger, and the imported orders are exactly the
 * shop's (none lost, none doubled). A shipping sync names a Redis outage the same way.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(OutageTestProfile.class)
class JobRunnerOutageTest {

    private static final Logger LOG = Logger.getLogger(JobRunnerOutageTest.class);
    private static final JobId JOB = EcoManagerSyncJob.ID;
    private static final String ACTOR = "ops@libertaphonix.dz";
    private static final Duration BATCH_TIME = Duration.ofSeconds(1);
    /** How soon after recovery the job must be free: seconds, where the lock TTL is 16 minutes. */
    private static final Duration SECONDS_AFTER_RECOVERY = Duration.ofSeconds(10);

    private static final OutageServices SERVICES = OutageServices.get();
    private static final AtomicReference<Runnable> ON_ECOMANAGER_REQUEST = new AtomicReference<>(() -> {});

    static FakeEcoManager fake;

    @Inject
    JobRunner runner;

    @Inject
    ImportFixtures fixtures;

    @Inject
    RunFixtures runs;

    @Inject
    LiveStateReader liveState;

    @Inject
    RunsConfig config;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Inject
    ShippingFixtures shipping;

    @Inject
    ShippingStatusSync sync;

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private Agent agent;

    @BeforeAll
    static void startFake() {
        fake = FakeEcoManager.start();
        fake.server()
                .addMockServiceRequestListener(
                        (request, response) -> ON_ECOMANAGER_REQUEST.get().run());
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void freshJob() {
        assertThat(config.lockTtl()).isEqualTo(Duration.ofMinutes(16));
        runs.freeJob(JOB);
        SlowBatches.off(fixtures);
        agent = fixtures.agent("Houda Mebarki", 10_000);
        fixtures.retireOtherAgents(agent);
    }

    @AfterEach
    void servicesBack() throws InterruptedException {
        ON_ECOMANAGER_REQUEST.set(() -> {});
        SERVICES.startRedis();
        SERVICES.startPostgres();
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Test
    void aRunThatOutlivesADatabaseOutageRecordsItsEndAndFreesTheJobWithinSecondsOfRecovery() throws Exception {
        String natuToken = FakeEcoManager.newToken();
        String bioToken = FakeEcoManager.newToken();
        Store natu = fixtures.store(fake, natuToken);
        Store bio = fixtures.store(fake, bioToken);
        fixtures.retireOtherStores(natu, bio);
        fixtures.retireForeignBacklog(natu, bio);
        fake.shop(natuToken).orders(40_001, 40_150, IN_DISPATCH);
        fake.shop(bioToken).orders(7_001, 7_010, IN_DISPATCH);
        SlowBatches.on(fixtures, BATCH_TIME);

        Future<RunSummary> first = pool.submit(() -> runner.run(RunRequest.manual(JOB, ACTOR, null)));
        // two batches of NATU committed, the third asleep in its transaction; BIO's one batch done
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> orders(bio) == 10 && orders(natu) == 50 && SlowBatches.inFlight(fixtures));
        Instant stopped = Instant.now();
        SERVICES.stopPostgres();

        // the job is over (both stores done), its end is waiting for the ledger: the job stays held
        await().atMost(Duration.ofSeconds(30))
                .until(() -> progress("stores").map(p -> p.done() == 2).orElse(false));
        assertThat(first.isDone()).isFalse();
        assertThatThrownBy(() -> runner.runningRun(JOB))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("database unavailable while");

        Instant recovered = Instant.now();
        SERVICES.startPostgres();
        await().atMost(SECONDS_AFTER_RECOVERY)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> runner.runningRun(JOB).isEmpty());
        LOG.infof(
                "job free %d ms after PostgreSQL came back",
                Duration.between(recovered, Instant.now()).toMillis());
        RunSummary interrupted = first.get(10, TimeUnit.SECONDS);

        String batch3 = "database unavailable while committing batch 3 of " + natu.identifier;
        assertThat(interrupted.status()).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(interrupted.error().get("message"))
                .contains("1 of 2 stores failed; " + natu.identifier + ": " + batch3)
                .doesNotContain("Exception");
        JobRun row = runs.run(interrupted.runId());
        assertThat(row.status).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(row.endedAt).isAfter(stopped).isAfter(row.startedAt);
        assertThat(storeResult(row, natu)).satisfies(result -> {
            assertThat(result.status()).isEqualTo(StoreImportStatus.FAILED);
            assertThat(result.error()).startsWith(batch3);
            assertThat(result.imported()).isEqualTo(50);
        });
        assertThat(storeResult(row, bio).status()).isEqualTo(StoreImportStatus.SUCCEEDED);
        JobLiveState live = liveState.read(JOB);
        assertThat(live.current()).isNull();
        assertThat(live.lastStatus()).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(live.lastEnd()).isEqualTo(row.endedAt);

        SlowBatches.off(fixtures);
        RunSummary next = runner.run(RunRequest.manual(JOB, ACTOR, null));

        assertThat(next.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(next.counts()).containsEntry("imported", 100L);
        assertExactlyImported(natu, 40_001, 40_150);
        assertExactlyImported(bio, 7_001, 7_010);
    }

    @Test
    void aRunWhoseEndCannotBeRecordedBeforeItsDeadlineIsAbandonedAtOnceByTheNextRun() throws Exception {
        String natuToken = FakeEcoManager.newToken();
        Store natu = fixtures.store(fake, natuToken);
        fixtures.retireOtherStores(natu);
        fixtures.retireForeignBacklog(natu);
        fake.shop(natuToken).orders(52_001, 52_100, IN_DISPATCH);
        SlowBatches.on(fixtures, BATCH_TIME);

        Instant deadline = Instant.now().plusSeconds(4);
        Future<RunSummary> first = pool.submit(
                () -> runner.run(new RunRequest(JOB, RunTrigger.MANUAL, null, ACTOR, null, null, deadline)));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> orders(natu) == 25 && SlowBatches.inFlight(fixtures));
        Instant stopped = Instant.now();
        SERVICES.stopPostgres();

        // the ledger stays away past the run's deadline: the holder gives up, says so in Redis, lets go
        assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("database unavailable while recording the end of run");
        JobLiveState told = liveState.read(JOB);
        assertThat(told.current()).isNull();
        assertThat(told.lastStatus()).isEqualTo(JobRunStatus.FAILED);
        assertThat(told.lastError())
                .extractingByKey("message")
                .asString()
                .contains("database unavailable while committing batch 2 of " + natu.identifier);
        assertThat(redis.key().exists(RunLock.key(JOB))).isFalse();

        Instant recovered = Instant.now();
        SERVICES.startPostgres();
        SlowBatches.off(fixtures);
        RunSummary next = runner.run(RunRequest.manual(JOB, ACTOR, null));

        assertThat(next.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        LOG.infof(
                "next run started %d ms after PostgreSQL came back",
                Duration.between(recovered, next.startedAt()).toMillis());
        assertThat(Duration.between(recovered, next.startedAt())).isLessThan(SECONDS_AFTER_RECOVERY);
        JobRun abandoned = runs.runsSince(JOB, recovered.minusSeconds(120)).stream()
                .filter(run -> run.status == JobRunStatus.ABANDONED)
                .findFirst()
                .orElseThrow();
        assertThat(abandoned.endedAt)
                .isAfter(abandoned.startedAt)
                .isAfter(stopped)
                .isBefore(recovered);
        assertThat(abandoned.error.get("message"))
                .contains("could not record that in the ledger")
                .contains("database unavailable while committing batch 2 of " + natu.identifier)
                .contains("found by run " + next.runId());
        assertThat(abandoned.counts).containsEntry("storesFailed", 1L);
        assertThat(liveState.read(JOB).lastStatus()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertExactlyImported(natu, 52_001, 52_100);
    }

    @Test
    void aRedisOutageMidImportIsNamedAndTheJobIsFreeWithinSecondsOfRecovery() throws Exception {
        String natuToken = FakeEcoManager.newToken();
        Store natu = fixtures.store(fake, natuToken);
        fixtures.retireOtherStores(natu);
        fixtures.retireForeignBacklog(natu);
        fake.shop(natuToken).orders(61_001, 61_250, IN_DISPATCH);
        AtomicInteger requests = new AtomicInteger();
        ON_ECOMANAGER_REQUEST.set(() -> {
            if (requests.incrementAndGet() == 2) {
                SERVICES.stopRedis();
            }
        });

        Future<RunSummary> first = pool.submit(() -> runner.run(RunRequest.manual(JOB, ACTOR, null)));
        // the ledger (PostgreSQL is up) records the end at once; Redis has to wait
        await().atMost(Duration.ofSeconds(60)).until(() -> runs.latest(JOB).status == JobRunStatus.FAILED);
        JobRun row = runs.latest(JOB);
        String named = "Redis unavailable while taking a request slot for store " + natu.identifier;
        assertThat(row.error.get("message"))
                .contains(natu.identifier + ": " + named)
                .doesNotContain("Exception")
                .doesNotContain("io.netty");
        assertThat(storeResult(row, natu).error()).startsWith(named);
        assertThat(first.isDone()).isFalse();
        assertThatThrownBy(() -> runner.runningRun(JOB)).isInstanceOf(RunStateUnavailableException.class);

        Instant recovered = Instant.now();
        SERVICES.startRedis();
        await().atMost(SECONDS_AFTER_RECOVERY)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> runner.runningRun(JOB).isEmpty() && first.isDone());
        LOG.infof(
                "job free %d ms after Redis came back",
                Duration.between(recovered, Instant.now()).toMillis());
        assertThat(first.get().status()).isEqualTo(JobRunStatus.FAILED);
        JobLiveState live = liveState.read(JOB);
        assertThat(live.lastStatus()).isEqualTo(JobRunStatus.FAILED);
        assertThat(live.lastEnd()).isEqualTo(row.endedAt);
        assertThat(live.current()).isNull();

        RunSummary next = runner.run(RunRequest.manual(JOB, ACTOR, null));

        assertThat(next.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertExactlyImported(natu, 61_001, 61_250);
    }

    @Test
    void aRedisOutageDuringAShippingSyncIsNamedInTheAccountsResultNotBlamedOnMaystro() {
        Instant now = ShippingFixtures.era();
        Store store = shipping.store();
        List<String> references = List.of(
                ShippingFixtures.reference("OUT"),
                ShippingFixtures.reference("OUT"),
                ShippingFixtures.reference("OUT"));
        shipping.orders(store, references, now, order -> {
            order.shippingStatusCode = 31;
            order.trackingNumber = "MYS" + references.indexOf(order.reference);
        });
        MaystroFake.Account maystro = MaystroFake.account("outage");
        SERVICES.stopRedis();

        ShippingSyncReport report = sync.run(
                List.of(maystro.account()), TestJobContext.shippingAt(shipping.run(now), now), SyncStrategy.LOOKUP);

        AccountSyncResult account = report.accounts().get(0);
        assertThat(account.error())
                .isEqualTo("Redis unavailable while taking a request slot for Maystro account outage"
                        + " (connection refused)");
        assertThat(account.stoppedBecause()).isEqualTo("REDIS_UNAVAILABLE");
        assertThat(account.notChecked()).isEqualTo(3);
        assertThat(maystro.lookupRequests()).isZero();
    }

    private long orders(Store store) {
        return fixtures.queryLong("select count(*) from orders where store_id = ?", store.id);
    }

    private Optional<JobLiveState.Progress> progress(String unit) {
        JobLiveState live = liveState.read(JOB);
        return live.current() == null
                ? Optional.empty()
                : Optional.ofNullable(live.current().progress().get(unit));
    }

    private StoreImportResult storeResult(JobRun run, Store store) {
        ImportRunResult result = json.convertValue(run.results, ImportRunResult.class);
        return result.stores().stream()
                .filter(s -> s.store().equals(store.identifier))
                .findFirst()
                .orElseThrow();
    }

    /** The store holds exactly these EcoManager orders, once each, with items and one IMPORT event. */
    private void assertExactlyImported(Store store, long from, long to) {
        List<Long> expected = LongStream.rangeClosed(from, to).boxed().toList();
        assertThat(fixtures.ecomanagerIds(store)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fixtures.queryLong(
                        "select count(*) from orders o where o.store_id = ?"
                                + " and not exists (select 1 from order_items i where i.order_id = o.id)",
                        store.id))
                .isZero();
        assertThat(fixtures.queryLong(
                        "select count(*) from orders o where o.store_id = ? and (select count(*)"
                                + " from order_status_events e where e.order_id = o.id and e.source = 'IMPORT') <> 1",
                        store.id))
                .isZero();
        assertThat(fixtures.queryLong(
                        "select count(*) from orders where store_id = ? and assigned_agent_id is null", store.id))
                .isZero();
    }
}
