package dz.libertaphonix.scheduler.api.local;

import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.runner.JobRunner;
import dz.libertaphonix.scheduler.runs.runner.RunRequest;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Fires the jobs in-process with quarkus-scheduler, one programmatic job per job of the catalogue, on
 * its row of the {@code schedules} table (Quartz cron, read in the row's zone, Africa/Algiers), through the same JobRunner as
 * the Lambda functions. A disabled schedule is registered paused, so enabling it is a resume.
 *
 * <p>Overlapping fires are let through to the JobRunner on purpose: it records them as SKIPPED
 * ({@code already-running}) in the ledger, where quarkus-scheduler's own skip would leave no trace.
 */
@ApplicationScoped
public class LocalScheduler {

    private static final Logger LOG = Logger.getLogger(LocalScheduler.class);

    private final Scheduler scheduler;
    private final JobRunner runner;
    private final ScheduleRepository schedules;
    private final JobCatalog catalog;
    private final LocalSchedulerConfig config;

    public LocalScheduler(
            Scheduler scheduler,
            JobRunner runner,
            ScheduleRepository schedules,
            JobCatalog catalog,
            LocalSchedulerConfig config) {
        this.scheduler = scheduler;
        this.runner = runner;
        this.schedules = schedules;
        this.catalog = catalog;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Map<JobId, Schedule> rows = QuarkusTransaction.requiringNew()
                .call(() -> schedules.listAll().stream().collect(Collectors.toMap(Schedule::job, row -> row)));
        int scheduled = 0;
        for (JobId job : catalog.ids()) {
            Schedule row = rows.remove(job);
            if (row == null) {
                LOG.errorf("job %s has no schedules row: add one in a migration; it is not scheduled", job);
                continue;
            }
            schedule(job, row.cron, row.timeZone, row.enabled);
            scheduled++;
        }
        rows.keySet().forEach(job -> LOG.warnf("the schedules row of %s names no job of this application", job));
        LOG.infof("in-process scheduler on: %d jobs scheduled", scheduled);
    }

    /** Whether this process fires the jobs (else the schedules table is all there is to change). */
    public boolean active() {
        return config.enabled();
    }

    /** Registers (or re-registers) a job on a Quartz cron in a zone; paused when not enabled. */
    public synchronized void schedule(JobId job, String cron, String zone, boolean enabled) {
        if (!active()) {
            return;
        }
        scheduler.unscheduleJob(identity(job));
        scheduler
                .newJob(identity(job))
                .setCron(cron)
                .setTimeZone(zone)
                .setConcurrentExecution(Scheduled.ConcurrentExecution.PROCEED)
                .setTask(execution -> fire(job, execution))
                .schedule();
        if (!enabled) {
            scheduler.pause(identity(job));
        }
        LOG.infof("%s scheduled on '%s' (%s)%s", job, cron, zone, enabled ? "" : ", paused");
    }

    public void pause(JobId job) {
        if (active()) {
            scheduler.pause(identity(job));
        }
    }

    public void resume(JobId job) {
        if (active()) {
            scheduler.resume(identity(job));
        }
    }

    public boolean isPaused(JobId job) {
        return scheduler.isPaused(identity(job));
    }

    /** When the job fires next in this process, if it is scheduled here. */
    public Optional<Instant> nextFireTime(JobId job) {
        Trigger trigger = scheduler.getScheduledJob(identity(job));
        return trigger == null ? Optional.empty() : Optional.ofNullable(trigger.getNextFireTime());
    }

    void fire(JobId job, ScheduledExecution execution) {
        runner.run(RunRequest.scheduled(job, execution.getScheduledFireTime(), null, null));
    }

    static String identity(JobId job) {
        return "job-" + job.id();
    }
}
