package dz.libertaphonix.scheduler.runs.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dz.libertaphonix.scheduler.events.SyncCompleted;
import dz.libertaphonix.scheduler.events.SyncFailed;
import dz.libertaphonix.scheduler.events.SyncSkipped;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.UnitResult;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.live.JobLiveState;
import dz.libertaphonix.scheduler.runs.live.LiveStateReader;
import dz.libertaphonix.scheduler.runs.live.LiveStateRedis;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.RunFixtures;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner's guarantees under at-least-once delivery, retries and concurrent triggers. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(RunsTestProfile.class)
class JobRunnerTest {

    private static final JobId JOB = ShippingStatusSyncJob.ID;
    private static final Duration LOCK_TTL = Duration.ofSeconds(2);

    @Inject
    JobRunner runner;

    @Inject
    ControllableShippingJob job;

    @Inject
    RunFixtures fixtures;

    @Inject
    LiveStateReader liveState;

    @Inject
    RecordedRunEvents events;

    @Inject
    MutableClock clock;

    @Inject
    RedisDataSource redis;

    private final ExecutorService pool = Executors.newFixedThreadPool(12);

    @BeforeEach
    void freshJob() {
        clock.reset();
        job.reset();
        fixtures.freeJob(JOB);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void executesOneOfTenConcurrentDeliveriesOfOneScheduledEventAndRecordsNineSkips() throws Exception {
        String eventId = RunFixtures.eventId();
        ControllableJob.Gate gate = new ControllableJob.Gate(JobResult.succeeded(Map.of("parcels", 3L), null));
        job.willRun(gate);
        RunRequest delivery = RunRequest.scheduled(JOB, clock.instant(), eventId, null);

        CountDownLatch go = new CountDownLatch(1);
        List<Future<RunSummary>> deliveries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deliveries.add(pool.submit(() -> {
                go.await();
                return runner.run(delivery);
            }));
        }
        go.countDown();
        // the nine losers return while the winner is still inside the job
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries.stream().filter(Future::isDone).count() == 9);
        gate.release();

        List<RunSummary> summaries = new ArrayList<>();
        for (Future<RunSummary> delivered : deliveries) {
            summaries.add(delivered.get(30, TimeUnit.SECONDS));
        }
        assertThat(job.executions()).isEqualTo(1);
        assertThat(summaries)
                .filteredOn(s -> s.status() == JobRunStatus.SUCCEEDED)
                .hasSize(1);
        assertThat(summaries)
                .filteredOn(s -> s.status() == JobRunStatus.SKIPPED)
                .hasSize(9)
                .allSatisfy(s -> assertThat(s.skipReason()).isEqualTo(JobRunner.DUPLICATE));
        List<JobRun> ledger = fixtures.runsForEvent(JOB, eventId);
        assertThat(ledger).hasSize(10);
        assertThat(ledger).filteredOn(r -> r.status == JobRunStatus.SKIPPED).hasSize(9);
        assertThat(ledger)
                .filteredOn(r -> r.status == JobRunStatus.SUCCEEDED)
                .singleElement()
                .satisfies(r -> assertThat(r.counts).containsEntry("parcels", 3L));
        assertThat(redis.key().exists(RunLock.key(JOB))).isFalse();
    }

    @Test
    void skipsAManualTriggerWhileAScheduledRunHoldsTheLock() throws Exception {
        ControllableJob.Gate gate = new ControllableJob.Gate(JobResult.succeeded(Map.of(), null));
        job.willRun(gate);
        Future<RunSummary> scheduled =
                pool.submit(() -> runner.run(RunRequest.scheduled(JOB, clock.instant(), RunFixtures.eventId(), null)));
        gate.awaitStarted(Duration.ofSeconds(30));

        UUID manualId = UUID.randomUUID();
        RunSummary manual = runner.run(RunRequest.manual(JOB, "admin@libertaphonix.dz", manualId));

        assertThat(manual.status()).isEqualTo(JobRunStatus.SKIPPED);
        assertThat(manual.skipReason()).isEqualTo(JobRunner.ALREADY_RUNNING);
        assertThat(manual.runId()).isEqualTo(manualId);
        assertThat(fixtures.run(manualId).actor).isEqualTo("admin@libertaphonix.dz");
        assertThat(runner.runningRun(JOB)).isPresent().isNotEqualTo(java.util.Optional.of(manualId));
        assertThat(events.forRun(manualId)).singleElement().satisfies(event -> assertThat(event)
                .isInstanceOf(SyncSkipped.class));

        gate.release();
        assertThat(scheduled.get(30, TimeUnit.SECONDS).status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(job.executions()).isEqualTo(1);
        assertThat(runner.runningRun(JOB)).isEmpty();
    }

    @Test
    void marksTheRunOfAHolderThatStoppedHeartbeatingAbandonedAndProceeds() {
        Instant lastHeartbeat = clock.instant().minus(LOCK_TTL).minusSeconds(1).truncatedTo(ChronoUnit.MICROS);
        JobRun dead = fixtures.runningRow(JOB, RunFixtures.eventId(), lastHeartbeat.minusSeconds(60), lastHeartbeat);
        // the killed holder's lock, in its last moments before the TTL removes it
        redis.execute("SET", RunLock.key(JOB), dead.id + "|dead-holder|" + dead.eventId, "PX", "400");

        RunSummary whileLocked = runner.run(RunRequest.scheduled(JOB, clock.instant(), RunFixtures.eventId(), null));
        assertThat(whileLocked.skipReason()).isEqualTo(JobRunner.ALREADY_RUNNING);

        await().atMost(Duration.ofSeconds(10)).until(() -> !redis.key().exists(RunLock.key(JOB)));
        RunSummary next = runner.run(RunRequest.scheduled(JOB, clock.instant(), RunFixtures.eventId(), null));

        assertThat(next.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(job.executions()).isEqualTo(1);
        JobRun abandoned = fixtures.run(dead.id);
        assertThat(abandoned.status).isEqualTo(JobRunStatus.ABANDONED);
        assertThat(abandoned.endedAt).isEqualTo(lastHeartbeat);
        assertThat(abandoned.error).containsEntry("class", "Abandoned");
        assertThat(events.forRun(dead.id)).singleElement().satisfies(event -> assertThat(event)
                .isInstanceOf(SyncFailed.class));
    }

    @Test
    void takesAHolderWithoutItsLockThatMissedAFewHeartbeatsForGoneWithoutWaitingForTheLockTtl() {
        // heartbeats every 200 ms, three may be missed: 700 ms of silence is enough, well under the 2 s TTL
        Instant lastHeartbeat = clock.instant().minusMillis(700).truncatedTo(ChronoUnit.MICROS);
        JobRun gone = fixtures.runningRow(JOB, RunFixtures.eventId(), lastHeartbeat.minusSeconds(5), lastHeartbeat);

        assertThat(runner.runningRun(JOB)).isEmpty();
        RunSummary next = runner.run(RunRequest.manual(JOB, "admin@libertaphonix.dz", null));

        assertThat(next.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        JobRun abandoned = fixtures.run(gone.id);
        assertThat(abandoned.status).isEqualTo(JobRunStatus.ABANDONED);
        assertThat(abandoned.endedAt).isEqualTo(lastHeartbeat).isAfter(abandoned.startedAt);
        assertThat(abandoned.error.get("message"))
                .contains("stopped heartbeating")
                .contains(next.runId().toString());
    }

    @Test
    void leavesAHolderThatStillHeartbeatsWithoutItsLockAlone() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Redis lost the lock (a restart without persistence), the holder is alive and heartbeating
        JobRun alive = fixtures.runningRow(JOB, RunFixtures.eventId(), now.minusSeconds(5), now);

        RunSummary meanwhile = runner.run(RunRequest.manual(JOB, "admin@libertaphonix.dz", null));

        assertThat(meanwhile.status()).isEqualTo(JobRunStatus.SKIPPED);
        assertThat(meanwhile.skipReason()).isEqualTo(JobRunner.ALREADY_RUNNING);
        assertThat(runner.runningRun(JOB)).contains(alive.id);
        assertThat(job.executions()).isZero();
    }

    @Test
    void releasesALockLeftBehindByARunThatHasEndedAndRunsAtOnce() {
        JobRun ended =
                fixtures.endedRow(JOB, JobRunStatus.FAILED, clock.instant().minusSeconds(30));
        // its release was lost while Redis was unreachable: left alone, the lock would live for its TTL
        redis.execute("SET", RunLock.key(JOB), ended.id + "|lost-release|", "PX", "960000");

        assertThat(runner.runningRun(JOB)).isEmpty();
        RunSummary next = runner.run(RunRequest.manual(JOB, "admin@libertaphonix.dz", null));

        assertThat(next.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(job.executions()).isEqualTo(1);
        assertThat(redis.key().exists(RunLock.key(JOB))).isFalse();
    }

    @Test
    void heartbeatsKeepTheLockPastItsTtlWhileTheJobRuns() throws Exception {
        ControllableJob.Gate gate = new ControllableJob.Gate(JobResult.succeeded(Map.of(), null));
        job.willRun(context -> {
            context.progress("parcels", 40, 120);
            return gate.run(context);
        });
        Future<RunSummary> long_ =
                pool.submit(() -> runner.run(RunRequest.scheduled(JOB, clock.instant(), RunFixtures.eventId(), null)));
        gate.awaitStarted(Duration.ofSeconds(30));
        UUID runId = job.contexts().get(0).runId();
        Instant startedAt = fixtures.run(runId).startedAt;

        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.run(runId)
                .heartbeatAt
                .isAfter(startedAt.plus(LOCK_TTL).plusMillis(500)));

        RunSummary meanwhile = runner.run(RunRequest.manual(JOB, "admin@libertaphonix.dz", null));
        assertThat(meanwhile.skipReason()).isEqualTo(JobRunner.ALREADY_RUNNING);
        JobLiveState live = liveState.read(JOB);
        assertThat(live.current()).isNotNull();
        assertThat(live.current().runId()).isEqualTo(runId);
        assertThat(live.current().progress()).containsEntry("parcels", new JobLiveState.Progress(40, 120));
        assertThat(live.lastStatus()).isEqualTo(JobRunStatus.RUNNING);
        assertThat(live.lastEnd()).isNull();

        gate.release();
        assertThat(long_.get(30, TimeUnit.SECONDS).status()).isEqualTo(JobRunStatus.SUCCEEDED);
        JobLiveState after = liveState.read(JOB);
        assertThat(after.current()).isNull();
        assertThat(after.lastStatus()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(after.lastEnd()).isNotNull();
        assertThat(redis.key().exists(LiveStateRedis.runKey(runId))).isFalse();
    }

    @Test
    void runsTheLambdaRetryOfAFailedEventAgainAsARetryAttempt() {
        String eventId = RunFixtures.eventId();
        RunRequest delivery = RunRequest.scheduled(JOB, clock.instant(), eventId, null);
        job.willRun(context -> {
            throw new IllegalStateException("Maystro answered 503 three times");
        });

        RunSummary first = runner.run(delivery);
        job.willRun(context -> JobResult.succeeded(Map.of("parcels", 12L), null));
        RunSummary retry = runner.run(delivery);

        assertThat(first.status()).isEqualTo(JobRunStatus.FAILED);
        assertThat(first.error())
                .containsEntry("class", "IllegalStateException")
                .containsEntry("message", "Maystro answered 503 three times")
                .containsKey("where");
        assertThat(first.error().values()).noneMatch(value -> value.contains("\n\tat "));
        assertThat(retry.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(retry.trigger()).isEqualTo(RunTrigger.RETRY);
        assertThat(fixtures.run(retry.runId()).attempt).isEqualTo(2);
        assertThat(job.executions()).isEqualTo(2);
        assertThat(liveState.read(JOB).lastError()).isNull();
        assertThat(events.forRun(first.runId())).singleElement().satisfies(event -> assertThat(event)
                .isInstanceOf(SyncFailed.class));
    }

    @Test
    void keepsTheLastRunsUnitsAndErrorSummaryInTheLiveState() {
        List<UnitResult> units = List.of(
                new UnitResult("main", true, 12, null),
                new UnitResult("retours", false, 0, "the Maystro account 'retours' was refused: 401"));
        job.willRun(context -> new JobResult(
                JobRunStatus.PARTIAL,
                Map.of("changed", 12L),
                null,
                "retours: the Maystro account 'retours' was refused: 401",
                units));

        RunSummary run = runner.run(RunRequest.manual(JOB, "ops@libertaphonix.dz", UUID.randomUUID()));

        JobLiveState live = liveState.read(JOB);
        assertThat(live.lastRunId()).isEqualTo(run.runId());
        assertThat(live.lastTrigger()).isEqualTo(RunTrigger.MANUAL);
        assertThat(live.lastStatus()).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(live.lastUnits()).isEqualTo(units);
        assertThat(live.lastError())
                .containsEntry("class", "JobWarning")
                .containsEntry("message", "retours: the Maystro account 'retours' was refused: 401");

        // the next run replaces them; a job without units leaves none behind
        job.willRun(context -> JobResult.succeeded(Map.of("changed", 1L), null));
        runner.run(RunRequest.manual(JOB, "ops@libertaphonix.dz", UUID.randomUUID()));
        JobLiveState next = liveState.read(JOB);
        assertThat(next.lastUnits()).isNull();
        assertThat(next.lastError()).isNull();
    }

    @Test
    void doesNotRunADuplicateOfASucceededEvent() {
        String eventId = RunFixtures.eventId();
        RunRequest delivery = RunRequest.scheduled(JOB, clock.instant(), eventId, null);

        RunSummary first = runner.run(delivery);
        RunSummary duplicate = runner.run(delivery);

        assertThat(first.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(duplicate.status()).isEqualTo(JobRunStatus.SKIPPED);
        assertThat(duplicate.skipReason()).isEqualTo(JobRunner.DUPLICATE);
        assertThat(duplicate.runId()).isNotEqualTo(first.runId());
        assertThat(job.executions()).isEqualTo(1);
        assertThat(fixtures.runsForEvent(JOB, eventId))
                .extracting(run -> run.status)
                .containsExactly(JobRunStatus.SUCCEEDED, JobRunStatus.SKIPPED);
        assertThat(liveState.read(JOB).lastStatus()).isEqualTo(JobRunStatus.SUCCEEDED);
    }

    @Test
    void endsPartialAtTheDeadlineAndTheNextRunResumesFromTheCheckpoint() {
        List<Integer> processed = new CopyOnWriteArrayList<>();
        int[] checkpoint = {0};
        job.willRun(context -> {
            long done = 0;
            while (checkpoint[0] < 10) {
                if (context.deadlineReached()) {
                    return new JobResult(JobRunStatus.PARTIAL, Map.of("units", done), null, "deadline reached");
                }
                processed.add(checkpoint[0] + 1);
                clock.advance(Duration.ofMinutes(1)); // one unit of work takes a minute
                checkpoint[0]++;
                done++;
            }
            return JobResult.succeeded(Map.of("units", done), null);
        });

        Instant deadline = clock.instant().plus(Duration.ofSeconds(210)).truncatedTo(ChronoUnit.MICROS);
        RunSummary first = runner.run(RunRequest.scheduled(JOB, clock.instant(), RunFixtures.eventId(), deadline));
        RunSummary next = runner.run(RunRequest.scheduled(JOB, clock.instant(), RunFixtures.eventId(), null));

        assertThat(first.status()).isEqualTo(JobRunStatus.PARTIAL);
        assertThat(first.counts()).containsEntry("units", 4L);
        assertThat(fixtures.run(first.runId()).deadlineAt).isEqualTo(deadline);
        assertThat(next.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(next.counts()).containsEntry("units", 6L);
        assertThat(processed).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(events.forRun(first.runId())).singleElement().satisfies(event -> {
            assertThat(event).isInstanceOf(SyncCompleted.class);
            assertThat(event.status()).isEqualTo(JobRunStatus.PARTIAL);
        });
    }

    @Test
    void usesTheConfiguredMaximumAsTheDeadlineWhenTheTriggerGivesNone() {
        Instant before = clock.instant();

        runner.run(RunRequest.manual(JOB, "admin@libertaphonix.dz", null));

        Instant deadline = job.contexts().get(0).deadline();
        assertThat(deadline)
                .isBetween(before.plus(Duration.ofMinutes(10)), clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void carriesTheJobAndRunIdOnEveryLogLineOfTheRun() {
        // message, job and run id as the record carries them when it is published (the MDC is per thread)
        List<String[]> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord line = (ExtLogRecord) record;
                lines.add(
                        new String[] {line.getMessage(), line.getMdc(JobRunner.MDC_JOB), line.getMdc(JobRunner.MDC_RUN)
                        });
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger runs = Logger.getLogger("dz.libertaphonix.scheduler.runs");
        runs.addHandler(capture);
        try {
            job.willRun(context -> {
                org.jboss.logging.Logger.getLogger(JobRunnerTest.class).info("importing parcels");
                return JobResult.succeeded(Map.of(), null);
            });
            RunSummary summary = runner.run(RunRequest.manual(JOB, "admin@libertaphonix.dz", null));

            assertThat(lines)
                    .extracting(line -> line[0])
                    .anySatisfy(message -> assertThat(message).contains("importing parcels"))
                    .anySatisfy(message -> assertThat(message).contains("run started"))
                    .anySatisfy(message -> assertThat(message).contains("run ended"));
            assertThat(lines).allSatisfy(line -> {
                assertThat(line[1]).isEqualTo(JOB.id());
                assertThat(line[2]).isEqualTo(summary.runId().toString());
            });
        } finally {
            runs.removeHandler(capture);
        }
    }
}
