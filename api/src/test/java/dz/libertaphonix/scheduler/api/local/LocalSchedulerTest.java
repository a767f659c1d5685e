package dz.libertaphonix.scheduler.api.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.runner.JobRunner;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleControl;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The jobs fire in-process on the crons of the schedules table, in Algiers time, through the JobRunner. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(LocalSchedulerTestProfile.class)
class LocalSchedulerTest {

    @Inject
    JobCatalog catalog;

    @Inject
    LocalScheduler local;

    @Inject
    ScheduleControl control;

    @Inject
    GatedImportJob job;

    @Inject
    ScheduleRows rows;

    private ScheduleRows.Saved saved;

    @BeforeEach
    void freshJob() {
        job.reset();
        rows.freeJob(EcoManagerSyncJob.ID);
        saved = rows.save(EcoManagerSyncJob.ID);
    }

    @AfterEach
    void restoreSchedule() {
        job.open();
        rows.restore(saved);
        local.schedule(EcoManagerSyncJob.ID, saved.cron(), saved.timeZone(), saved.enabled());
    }

    @Test
    void armsEachJobOnTheCronOfItsScheduleRowInAlgiersTime() {
        for (JobId id : catalog.ids()) {
            Schedule row = rows.row(id);
            assertThat(row.timeZone).isEqualTo("Africa/Algiers");
            Instant next = local.nextFireTime(id).orElseThrow();
            assertThat(next).as("next fire of %s", id).isEqualTo(FireTimes.next(row.cron, row.timeZone, Instant.now()));
            assertThat(local.isPaused(id)).isEqualTo(!row.enabled);
        }
    }

    @Test
    void firesEachJobAtTheRightAlgiersInstantsOfADay() {
        // midnight of Saturday 14 March 2026 in Algiers (UTC+1, no daylight saving)
        Clock clock = Clock.fixed(Instant.parse("2026-03-13T23:00:00Z"), ZoneOffset.UTC);
        Instant from = clock.instant();
        Instant to = from.plus(Duration.ofDays(1));

        Schedule imports = rows.row(EcoManagerSyncJob.ID);
        Schedule shipping = rows.row(ShippingStatusSyncJob.ID);
        Schedule cleanup = rows.row(DailyCleanupJob.ID);

        // 08:00 to 20:00 inclusive, Algiers: thirteen runs
        assertThat(FireTimes.between(imports.cron, imports.timeZone, from, to))
                .hasSize(13)
                .startsWith(Instant.parse("2026-03-14T07:00:00Z"))
                .endsWith(Instant.parse("2026-03-14T19:00:00Z"));
        // 00:00, 06:00, 12:00, 18:00 Algiers
        assertThat(FireTimes.between(shipping.cron, shipping.timeZone, from, to))
                .containsExactly(
                        Instant.parse("2026-03-13T23:00:00Z"),
                        Instant.parse("2026-03-14T05:00:00Z"),
                        Instant.parse("2026-03-14T11:00:00Z"),
                        Instant.parse("2026-03-14T17:00:00Z"));
        // 02:00 Algiers
        assertThat(FireTimes.between(cleanup.cron, cleanup.timeZone, from, to))
                .containsExactly(Instant.parse("2026-03-14T01:00:00Z"));
    }

    @Test
    void firesThroughTheJobRunnerAndRecordsAnOverlappingFireAsSkipped() throws InterruptedException {
        Instant since = Instant.now().truncatedTo(ChronoUnit.MICROS);
        job.close();

        control.reschedule(EcoManagerSyncJob.ID, "* * * * * ?", "test");

        assertThat(job.awaitStarted(15)).as("a scheduled fire started the job").isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> rows.runsSince(EcoManagerSyncJob.ID, since).stream()
                .anyMatch(run -> run.status == JobRunStatus.SKIPPED));
        local.pause(EcoManagerSyncJob.ID);
        job.open();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> rows.run(job.executed().get(0)).status == JobRunStatus.SUCCEEDED);
        JobRun executed = rows.run(job.executed().get(0));
        assertThat(executed.trigger).isEqualTo(RunTrigger.SCHEDULED);
        assertThat(executed.actor).isEqualTo("scheduler");
        assertThat(executed.scheduledAt).isNotNull().isAfterOrEqualTo(since.truncatedTo(ChronoUnit.SECONDS));
        assertThat(executed.scheduledAt.getNano()).isZero();
        List<JobRun> skipped = rows.runsSince(EcoManagerSyncJob.ID, since).stream()
                .filter(run -> run.status == JobRunStatus.SKIPPED)
                .toList();
        assertThat(skipped).allSatisfy(run -> {
            assertThat(run.skipReason).isEqualTo(JobRunner.ALREADY_RUNNING);
            assertThat(run.trigger).isEqualTo(RunTrigger.SCHEDULED);
        });
        assertThat(job.executed()).hasSize(1);
    }
}
