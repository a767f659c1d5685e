package dz.libertaphonix.scheduler.api.local;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleControl;
import dz.libertaphonix.scheduler.schedule.ScheduleRepository;
import dz.libertaphonix.scheduler.schedule.ScheduleState;
import io.quarkus.arc.DefaultBean;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The schedule control of a process that fires its own jobs: the {@code schedules} row records the
 * change, and the in-process job is paused, resumed or re-armed to match. The default adapter; an
 * EventBridge adapter (a bean of this port enabled by {@code scheduler.control=eventbridge}) replaces it.
 */
@DefaultBean
@ApplicationScoped
public class LocalScheduleControl implements ScheduleControl {

    private final ScheduleRepository schedules;
    private final LocalScheduler scheduler;
    private final Clock clock;

    public LocalScheduleControl(ScheduleRepository schedules, LocalScheduler scheduler, Clock clock) {
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void enable(JobId job, String actor) {
        update(job, actor, row -> row.enabled = true);
        scheduler.resume(job);
    }

    @Override
    public void disable(JobId job, String actor) {
        update(job, actor, row -> row.enabled = false);
        scheduler.pause(job);
    }

    @Override
    public ScheduleState describe(JobId job) {
        Schedule row = QuarkusTransaction.requiringNew().call(() -> find(job));
        return new ScheduleState(job, row.enabled, row.cron, ZoneId.of(row.timeZone));
    }

    @Override
    public void reschedule(JobId job, String cron, String actor) {
        Schedule row = update(job, actor, schedule -> schedule.cron = cron);
        scheduler.schedule(job, row.cron, row.timeZone, row.enabled);
    }

    private Schedule update(JobId job, String actor, java.util.function.Consumer<Schedule> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Schedule row = find(job);
            change.accept(row);
            row.changedBy = actor;
            row.changedAt = clock.instant();
            return row;
        });
    }

    private Schedule find(JobId job) {
        return schedules
                .forJob(job)
                .orElseThrow(() -> new IllegalStateException("no schedule row for " + job + " (see V1 migration)"));
    }
}
