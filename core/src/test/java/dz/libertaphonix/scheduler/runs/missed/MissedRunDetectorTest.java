package dz.libertaphonix.scheduler.runs.missed;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.events.RunMissed;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import dz.libertaphonix.scheduler.runs.runner.JobRunner;
import dz.libertaphonix.scheduler.runs.runner.RunRequest;
import dz.libertaphonix.scheduler.runs.runner.RunSummary;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.RunFixtures;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Missed fires against a clock standing still over a day with gaps in its runs: which fires count as
 * missed, each published once, and one catch-up run per the job's policy, never one per fire. Each test
 * has a day of its own, years ahead, where only its own schedule rows and runs exist.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(MissedRunsTestProfile.class)
class MissedRunDetectorTest {

    private static final JobId IMPORT = EcoManagerSyncJob.ID;
    private static final JobId SHIPPING = ShippingStatusSyncJob.ID;
    private static final JobId CLEANUP = DailyCleanupJob.ID;

    @Inject
    MissedRuns missedRuns;

    @Inject
    MissedRunDetector detector;

    @Inject
    SettableClock clock;

    @Inject
    RecordingDispatcher dispatcher;

    @Inject
    RecordedMisses misses;

    @Inject
    JobCatalog catalog;

    @Inject
    JobRunner runner;

    @Inject
    RunFixtures runs;

    @Inject
    ImportFixtures db;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void quiet() {
        dispatcher.clear();
        misses.clear();
    }

    @Test
    void aFireIsMissedWhenNoRunStartedNearItWhileTheScheduleWasEnabled() {
        Instant day = Instant.parse("2031-03-10T00:00:00Z");
        // hourly 08:00-20:00 in Algiers (07:00-19:00 UTC); disabled 14:30-17:30 UTC
        history(IMPORT, day.minus(Duration.ofDays(1)), "0 0 8-20 * * ?", true);
        history(IMPORT, at(day, "14:30"), "0 0 8-20 * * ?", false);
        history(IMPORT, at(day, "17:30"), "0 0 8-20 * * ?", true);
        run(IMPORT, at(day, "07:00:05"), null, "SUCCEEDED", "SCHEDULED");
        run(IMPORT, at(day, "08:00:03"), at(day, "08:00"), "PARTIAL", "SCHEDULED");
        // 09:00 nothing
        run(IMPORT, at(day, "10:02"), null, "SUCCEEDED", "MANUAL"); // a run near the fire covers it
        run(IMPORT, at(day, "11:00:01"), null, "SKIPPED", "SCHEDULED"); // only skipped: missed
        run(IMPORT, at(day, "12:20"), at(day, "12:00"), "SUCCEEDED", "SCHEDULED"); // late, but fired for 12:00
        run(IMPORT, at(day, "13:20"), null, "SUCCEEDED", "MANUAL"); // too late for 13:00
        run(IMPORT, at(day, "14:00:02"), null, "FAILED", "SCHEDULED"); // a failed run still ran
        // 15:00-17:00 disabled: no fire, none missed
        run(IMPORT, at(day, "18:00:02"), null, "SUCCEEDED", "DRY_RUN"); // a dry run is no run
        // 19:00 nothing
        clock.set(at(day, "22:00"));

        List<Instant> missed = missedRuns.missed(IMPORT, day, day.plus(Duration.ofDays(1)));

        assertThat(missed)
                .containsExactly(
                        at(day, "09:00"), at(day, "11:00"), at(day, "13:00"), at(day, "18:00"), at(day, "19:00"));
        // the 24 hours before 22:00: the day before ended its fires at 19:00 UTC, outside them
        assertThat(missedRuns.summary(IMPORT)).isEqualTo(new MissedRuns.Summary(5, at(day, "19:00")));

        // a fire within its tolerance is not missed yet: its run may still be starting
        clock.set(at(day, "19:10"));
        assertThat(missedRuns.missed(IMPORT, day, day.plus(Duration.ofDays(1))))
                .containsExactly(at(day, "09:00"), at(day, "11:00"), at(day, "13:00"), at(day, "18:00"));
    }

    @Test
    void eachMissedFireIsPublishedOnceAndThePoliciesCatchUpWithOneRunNotOnePerFire() {
        Instant day = Instant.parse("2032-06-10T00:00:00Z");
        silenceAllJobs(day.minus(Duration.ofDays(8)));
        // shipping 00:00, 06:00, 12:00, 18:00 in Algiers = 23:00, 05:00, 11:00, 17:00 UTC
        history(SHIPPING, day.minus(Duration.ofHours(2)), "0 0 0,6,12,18 * * ?", true);
        run(SHIPPING, day.minus(Duration.ofHours(1)).plusSeconds(4), null, "SUCCEEDED", "SCHEDULED");
        // 05:00, 11:00 and 17:00 missed: three fires, one catch-up
        // cleanup 02:00 Algiers = 01:00 UTC, three nights in a row missed
        history(CLEANUP, day.minus(Duration.ofDays(2)).minus(Duration.ofHours(2)), "0 0 2 * * ?", true);
        // the import missed 07:00-17:00, but catches up by its cursor on its next run
        history(IMPORT, at(day, "06:30"), "0 0 8-20 * * ?", true);
        clock.set(at(day, "17:20"));

        List<MissedRunDetector.Detected> found = detector.detect();

        assertThat(found)
                .filteredOn(d -> d.job().equals(SHIPPING.id()))
                .singleElement()
                .satisfies(d -> assertThat(d.newlyMissed())
                        .containsExactly(at(day, "05:00"), at(day, "11:00"), at(day, "17:00")));
        assertThat(published(SHIPPING)).containsExactly(at(day, "05:00"), at(day, "11:00"), at(day, "17:00"));
        assertThat(published(CLEANUP))
                .containsExactly(
                        at(day, "01:00").minus(Duration.ofDays(2)),
                        at(day, "01:00").minus(Duration.ofDays(1)),
                        at(day, "01:00"));
        assertThat(published(IMPORT)).hasSize(11);
        assertThat(misses.all())
                .allSatisfy(event -> assertThat(event.detectedAt()).isEqualTo(at(day, "17:20")));
        assertThat(dispatcher.dispatches())
                .extracting(RecordingDispatcher.Dispatch::job, RecordingDispatcher.Dispatch::trigger)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(SHIPPING, RunTrigger.CATCH_UP),
                        org.assertj.core.groups.Tuple.tuple(CLEANUP, RunTrigger.CATCH_UP));
        assertThat(dispatcher.dispatches())
                .allSatisfy(d -> assertThat(d.actor()).isEqualTo(MissedRunDetector.ACTOR));
        UUID shippingCatchUp = dispatcher.dispatches().stream()
                .filter(d -> d.job().equals(SHIPPING))
                .findFirst()
                .orElseThrow()
                .runId();
        assertThat(db.queryLong(
                        "select count(*) from missed_fires where job_id = ? and catch_up_run = ?",
                        SHIPPING.id(),
                        shippingCatchUp))
                .isEqualTo(1);

        // the next detections (the next runs' ends, the cleanup) find nothing new: nothing published twice
        clock.set(at(day, "17:40"));
        misses.clear();
        dispatcher.clear();
        detector.detect();
        detector.detect();

        assertThat(misses.all()).isEmpty();
        assertThat(dispatcher.dispatches()).isEmpty();
    }

    @Test
    void theEndOfAnyRunLooksForMissedFiresEvenASkippedOne() {
        Instant day = Instant.parse("2033-09-20T00:00:00Z");
        silenceAllJobs(day.minus(Duration.ofDays(8)));
        history(SHIPPING, at(day, "00:00"), "0 0 0,6,12,18 * * ?", true);
        run(SHIPPING, at(day, "05:00:02"), null, "SUCCEEDED", "SCHEDULED");
        clock.set(at(day, "11:30")); // 11:00 UTC (12:00 Algiers) went by without a run
        runs.freeJob(CLEANUP);
        redis.value(String.class).setex(RunLock.key(CLEANUP), 60, UUID.randomUUID() + "|other|");
        try {
            RunSummary skipped = runner.run(RunRequest.manual(CLEANUP, "ops@libertaphonix.dz", null));

            assertThat(skipped.status()).isEqualTo(JobRunStatus.SKIPPED);
            assertThat(published(SHIPPING)).containsExactly(at(day, "11:00"));
            assertThat(dispatcher.dispatches())
                    .extracting(RecordingDispatcher.Dispatch::job)
                    .containsExactly(SHIPPING);
        } finally {
            runs.freeJob(CLEANUP);
        }
    }

    private List<Instant> published(JobId job) {
        return misses.all().stream()
                .filter(event -> event.job().equals(job))
                .map(RunMissed::fireTime)
                .sorted()
                .toList();
    }

    /** Every job of the catalogue disabled from {@code from}: only what a test enables fires. */
    private void silenceAllJobs(Instant from) {
        catalog.ids().forEach(job -> history(job, from, "0 0 3 * * ?", false));
    }

    private void history(JobId job, Instant from, String cron, boolean enabled) {
        db.execute(
                "insert into schedule_history (job_id, cron, time_zone, enabled, effective_from, changed_by)"
                        + " values (?, ?, 'Africa/Algiers', ?, ?, 'test')",
                job.id(),
                cron,
                enabled,
                Timestamp.from(from));
    }

    private void run(JobId job, Instant startedAt, Instant scheduledAt, String status, String trigger) {
        db.execute(
                "insert into job_runs (id, job_id, trigger, scheduled_at, started_at, ended_at, status, skip_reason)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                job.id(),
                trigger,
                scheduledAt == null ? null : Timestamp.from(scheduledAt),
                Timestamp.from(startedAt),
                Timestamp.from(startedAt.plusSeconds(30)),
                status,
                status.equals("SKIPPED") ? "already-running" : null);
    }

    /** {@code HH:mm} or {@code HH:mm:ss} of the day, in UTC. */
    private static Instant at(Instant day, String time) {
        String[] parts = time.split(":");
        return day.plus(Duration.ofHours(Long.parseLong(parts[0])))
                .plus(Duration.ofMinutes(Long.parseLong(parts[1])))
                .plusSeconds(parts.length > 2 ? Long.parseLong(parts[2]) : 0);
    }
}
