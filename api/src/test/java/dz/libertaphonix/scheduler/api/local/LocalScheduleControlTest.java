package dz.libertaphonix.scheduler.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.runs.JobDispatcher;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleControl;
import dz.libertaphonix.scheduler.schedule.ScheduleState;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pausing, resuming and re-arming the in-process jobs, with the schedules row recording each change. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(LocalSchedulerTestProfile.class)
class LocalScheduleControlTest {

    @Inject
    ScheduleControl control;

    @Inject
    JobDispatcher dispatcher;

    @Inject
    LocalScheduler local;

    @Inject
    ScheduleRows rows;

    private ScheduleRows.Saved shipping;
    private ScheduleRows.Saved cleanup;

    @BeforeEach
    void save() {
        shipping = rows.save(ShippingStatusSyncJob.ID);
        cleanup = rows.save(DailyCleanupJob.ID);
    }

    @AfterEach
    void restore() {
        for (ScheduleRows.Saved saved : new ScheduleRows.Saved[] {shipping, cleanup}) {
            rows.restore(saved);
            local.schedule(JobId.parse(saved.jobId()).orElseThrow(), saved.cron(), saved.timeZone(), saved.enabled());
        }
    }

    @Test
    void isTheDefaultScheduleControlAndJobDispatcher() {
        assertThat(control).isInstanceOf(LocalScheduleControl.class);
        assertThat(dispatcher).isInstanceOf(LocalJobDispatcher.class);
    }

    @Test
    void disablePausesTheInProcessJobAndEnableResumesItRecordingWhoDidIt() {
        control.disable(ShippingStatusSyncJob.ID, "admin@libertaphonix.dz");

        Schedule disabled = rows.row(ShippingStatusSyncJob.ID);
        assertThat(disabled.enabled).isFalse();
        assertThat(disabled.changedBy).isEqualTo("admin@libertaphonix.dz");
        assertThat(local.isPaused(ShippingStatusSyncJob.ID)).isTrue();
        assertThat(control.describe(ShippingStatusSyncJob.ID))
                .isEqualTo(new ScheduleState(
                        ShippingStatusSyncJob.ID, false, shipping.cron(), ZoneId.of("Africa/Algiers")));

        control.enable(ShippingStatusSyncJob.ID, "ops@libertaphonix.dz");

        assertThat(rows.row(ShippingStatusSyncJob.ID).enabled).isTrue();
        assertThat(rows.row(ShippingStatusSyncJob.ID).changedBy).isEqualTo("ops@libertaphonix.dz");
        assertThat(local.isPaused(ShippingStatusSyncJob.ID)).isFalse();
    }

    @Test
    void rescheduleReArmsTheJobOnTheNewCronAndKeepsItPausedIfItWas() {
        control.disable(DailyCleanupJob.ID, "admin@libertaphonix.dz");

        control.reschedule(DailyCleanupJob.ID, "0 30 3 * * ?", "admin@libertaphonix.dz");

        assertThat(rows.row(DailyCleanupJob.ID).cron).isEqualTo("0 30 3 * * ?");
        assertThat(local.nextFireTime(DailyCleanupJob.ID))
                .contains(FireTimes.next("0 30 3 * * ?", "Africa/Algiers", Instant.now()));
        assertThat(local.isPaused(DailyCleanupJob.ID)).isTrue();
    }
}
