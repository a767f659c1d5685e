package dz.libertaphonix.scheduler.api.testsupport;

import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleChanges;
import dz.libertaphonix.scheduler.schedule.ScheduleControl;
import dz.libertaphonix.scheduler.schedule.ScheduleState;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;

/**
 * INTERIM, until the local schedule control (issue 5) is on main: the schedules table alone.
 * Removed when the real local adapter lands.
 */
@DefaultBean
@ApplicationScoped
public class InterimScheduleControl implements ScheduleControl {

    private final ScheduleChanges schedules;

    public InterimScheduleControl(ScheduleChanges schedules) {
        this.schedules = schedules;
    }

    @Override
    public void enable(JobId job, String actor) {
        schedules.setEnabled(job, true, actor);
    }

    @Override
    public void disable(JobId job, String actor) {
        schedules.setEnabled(job, false, actor);
    }

    @Override
    public ScheduleState describe(JobId job) {
        Schedule row = schedules.find(job).orElseThrow();
        return new ScheduleState(
                job, row.enabled, row.cron, row.timeZone == null ? Algiers.ZONE : ZoneId.of(row.timeZone));
    }

    @Override
    public void reschedule(JobId job, String cron, String actor) {
        schedules.setCron(job, cron, actor);
    }
}
