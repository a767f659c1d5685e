package dz.libertaphonix.scheduler.schedule;

import dz.libertaphonix.scheduler.runs.JobId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Records schedule changes in the {@code schedules} table, whichever adapter applied them to the
 * live schedule: the table says who changed what and when, and holds the Algiers cron the UTC rule
 * was derived from.
 */
@ApplicationScoped
public class ScheduleChanges {

    private final ScheduleRepository schedules;
    private final Clock clock;

    public ScheduleChanges(ScheduleRepository schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    @Transactional
    public Optional<Schedule> find(JobId job) {
        return schedules.forJob(job);
    }

    @Transactional
    public Schedule setEnabled(JobId job, boolean enabled, String actor) {
        Schedule schedule = require(job);
        schedule.enabled = enabled;
        schedule.changedBy = actor;
        schedule.changedAt = clock.instant();
        return schedule;
    }

    @Transactional
    public Schedule setCron(JobId job, String cron, String actor) {
        CronSchedules.parse(cron);
        Schedule schedule = require(job);
        schedule.cron = cron;
        schedule.changedBy = actor;
        schedule.changedAt = clock.instant();
        return schedule;
    }

    private Schedule require(JobId job) {
        // the migration seeds one row per job; a missing row is a broken database, not bad input
        return schedules.forJob(job).orElseThrow(() -> new IllegalStateException("no schedule row for " + job));
    }
}
