package dz.libertaphonix.scheduler.api.schedules;

import dz.libertaphonix.scheduler.api.http.AdminConfig;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.schedule.CronSchedules;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleControl;
import dz.libertaphonix.scheduler.schedule.ScheduleRepository;
import dz.libertaphonix.scheduler.schedule.ScheduleState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The jobs' schedule state as this API instance last read it, reused for
 * {@link AdminConfig#scheduleStateTtl()} so that the status endpoints never query the database or
 * the schedule control per request. One caller refreshes a stale snapshot while the others keep
 * answering from it; a change made through this instance invalidates it at once.
 */
@ApplicationScoped
public class ScheduleStateCache {

    private static final Logger LOG = Logger.getLogger(ScheduleStateCache.class);

    /**
     * One job's schedule.
     *
     * @param job the job, as the catalogue describes it
     * @param changedAt when the schedule was last enabled, disabled or rescheduled
     */
    public record JobSchedule(
            JobDescriptor job,
            boolean enabled,
            String cron,
            ZoneId zone,
            Instant changedAt,
            String changedBy,
            NextFire nextFire) {

        /** The next fire time after {@code now}, or null when disabled or the cron never fires again. */
        public ZonedDateTime nextFireAfter(Instant now) {
            return enabled ? nextFire.after(now) : null;
        }
    }

    /**
     * A schedule's next fire time, worked out once and reused until it has passed: cron arithmetic
     * costs far more than the rest of a status answer.
     */
    public static final class NextFire {

        /** The next fire time worked out from {@code from}; valid for any instant in [from, next). */
        private record Memo(Instant from, ZonedDateTime next) {

            boolean answers(Instant now) {
                return next != null && !now.isBefore(from) && now.isBefore(next.toInstant());
            }
        }

        private final String cron;
        private final ZoneId zone;
        private volatile Memo memo;

        NextFire(String cron, ZoneId zone) {
            this.cron = cron;
            this.zone = zone;
        }

        ZonedDateTime after(Instant now) {
            Memo current = memo;
            if (current != null && current.answers(now)) {
                return current.next();
            }
            ZonedDateTime next = CronSchedules.nextFireTime(cron, zone, now).orElse(null);
            memo = new Memo(now, next);
            return next;
        }
    }

    /**
     * Every job's schedule, in catalogue order.
     *
     * @param jobs by job id, iterated in catalogue order
     */
    public record Snapshot(Map<JobId, JobSchedule> jobs, Instant loadedAt) {

        /** The job's schedule, or null when the job has none (not in the catalogue, or no row). */
        public JobSchedule job(JobId job) {
            return jobs.get(job);
        }

        public Collection<JobSchedule> all() {
            return jobs.values();
        }
    }

    private final ScheduleControl control;
    private final ScheduleRepository schedules;
    private final JobCatalog catalog;
    private final Clock clock;
    private final Duration ttl;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot snapshot;

    public ScheduleStateCache(
            ScheduleControl control,
            ScheduleRepository schedules,
            JobCatalog catalog,
            Clock clock,
            AdminConfig config) {
        this.control = control;
        this.schedules = schedules;
        this.catalog = catalog;
        this.clock = clock;
        this.ttl = config.scheduleStateTtl();
    }

    public Snapshot current() {
        Snapshot current = snapshot;
        if (current != null && fresh(current)) {
            return current;
        }
        if (current != null) {
            // stale: one thread refreshes, the others answer from the stale snapshot meanwhile
            if (refreshing.tryLock()) {
                try {
                    snapshot = load();
                } catch (RuntimeException e) {
                    LOG.warnf("schedule state refresh failed, serving the previous state: %s", e.getMessage());
                } finally {
                    refreshing.unlock();
                }
            }
            return snapshot == null ? current : snapshot;
        }
        refreshing.lock();
        try {
            if (snapshot == null || !fresh(snapshot)) {
                snapshot = load();
            }
            return snapshot;
        } finally {
            refreshing.unlock();
        }
    }

    /** Forgets the snapshot: the next read asks the schedule control again. */
    public void invalidate() {
        snapshot = null;
    }

    private boolean fresh(Snapshot current) {
        Instant now = clock.instant();
        // a snapshot "from the future" (the clock was set back) is stale too
        return !now.isBefore(current.loadedAt())
                && now.isBefore(current.loadedAt().plus(ttl));
    }

    /**
     * Every catalogued job's schedule. A job without a {@code schedules} row (its migration is missing)
     * is left out, loudly, rather than failing every status answer.
     */
    @Transactional
    Snapshot load() {
        Map<JobId, JobSchedule> jobs = new LinkedHashMap<>();
        for (JobDescriptor job : catalog.jobs()) {
            Schedule row = schedules.forJob(job.id()).orElse(null);
            if (row == null) {
                LOG.errorf(
                        "job %s has no schedules row: add one in a migration; it is left out of the status", job.id());
                continue;
            }
            ScheduleState state = control.describe(job.id());
            jobs.put(
                    job.id(),
                    new JobSchedule(
                            job,
                            state.enabled(),
                            state.cron(),
                            state.zone(),
                            row.changedAt,
                            row.changedBy,
                            new NextFire(state.cron(), state.zone())));
        }
        return new Snapshot(Collections.unmodifiableMap(jobs), clock.instant());
    }
}
