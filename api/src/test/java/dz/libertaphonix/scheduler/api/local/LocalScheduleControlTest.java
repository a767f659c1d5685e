package dz.libertaphonix.scheduler.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.runs.JobDispatcher;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleControl;
import dz.libertaphonix.scheduler.schedule.ScheduleState;
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
        shipping = rows.save(JobId.SHIPPING_STATUS_SYNC);
        cleanup = rows.save(JobId.DAILY_CLEANUP);
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
        control.disable(JobId.SHIPPING_STATUS_SYNC, "admin@libertaphonix.dz");

        Schedule disabled = rows.row(JobId.SHIPPING_STATUS_SYNC);
        assertThat(disabled.enabled).isFalse();
        assertThat(disabled.changedBy).isEqualTo("admin@libertaphonix.dz");
        assertThat(local.isPaused(JobId.SHIPPING_STATUS_SYNC)).isTrue();
        assertThat(control.describe(JobId.SHIPPING_STATUS_SYNC))
                .isEqualTo(new ScheduleState(
                        JobId.SHIPPING_STATUS_SYNC, false, shipping.cron(), ZoneId.of("Africa/Algiers")));

        control.enable(JobId.SHIPPING_STATUS_SYNC, "ops@libertaphonix.dz");

        assertThat(rows.row(JobId.SHIPPING_STATUS_SYNC).enabled).isTrue();
        assertThat(rows.row(JobId.SHIPPING_STATUS_SYNC).changedBy).isEqualTo("ops@libertaphonix.dz");
        assertThat(local.isPaused(JobId.SHIPPING_STATUS_SYNC)).isFalse();
    }

    @Test
    void rescheduleReArmsTheJobOnTheNewCronAndKeepsItPausedIfItWas() {
        control.disable(JobId.DAILY_CLEANUP, "admin@libertaphonix.dz");

        control.reschedule(JobId.DAILY_CLEANUP, "0 30 3 * * ?", "admin@libertaphonix.dz");

        assertThat(rows.row(JobId.DAILY_CLEANUP).cron).isEqualTo("0 30 3 * * ?");
        assertThat(local.nextFireTime(JobId.DAILY_CLEANUP))
                .contains(FireTimes.next("0 30 3 * * ?", "Africa/Algiers", Instant.now()));
        assertThat(local.isPaused(JobId.DAILY_CLEANUP)).isTrue();
    }
}
