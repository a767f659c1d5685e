package dz.libertaphonix.scheduler.api.schedules;

import dz.libertaphonix.scheduler.api.http.AdminConfig;
import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.api.schedules.ScheduleStateCache.JobSchedule;
import dz.libertaphonix.scheduler.api.schedules.ScheduleStateCache.Snapshot;
import dz.libertaphonix.scheduler.api.schedules.StatusView.CurrentRun;
import dz.libertaphonix.scheduler.api.schedules.StatusView.JobStatus;
import dz.libertaphonix.scheduler.api.schedules.StatusView.LastRun;
import dz.libertaphonix.scheduler.api.schedules.StatusView.LastSyncs;
import dz.libertaphonix.scheduler.api.schedules.StatusView.ProgressView;
import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.UnknownJobException;
import dz.libertaphonix.scheduler.runs.live.JobLiveState;
import dz.libertaphonix.scheduler.runs.live.LiveStateReader;
import dz.libertaphonix.scheduler.runs.missed.MissedRuns;
import dz.libertaphonix.scheduler.schedule.CronSchedules;
import dz.libertaphonix.scheduler.schedule.InvalidCronException;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the read side of the admin API from the schedule snapshot (memory), the live run state
 * (Redis) and cron arithmetic. Nothing here touches PostgreSQL per request but the missed fires, read
 * at most once a minute ({@link MissedFireSummaries}).
 */
@ApplicationScoped
public class SchedulerOverview {

    private final ScheduleStateCache schedules;
    private final LiveStateReader liveState;
    private final Clock clock;
    private final AdminConfig config;
    private final MissedFireSummaries missed;

    public SchedulerOverview(
            ScheduleStateCache schedules,
            LiveStateReader liveState,
            Clock clock,
            AdminConfig config,
            MissedFireSummaries missed) {
        this.schedules = schedules;
        this.liveState = liveState;
        this.clock = clock;
        this.config = config;
        this.missed = missed;
    }

    public StatusView status() {
        Snapshot snapshot = schedules.current();
        Instant now = clock.instant();
        Map<JobId, JobLiveState> live = new HashMap<>();
        for (JobSchedule schedule : snapshot.all()) {
            JobLiveState state = liveState.read(schedule.job().id());
            if (state != null) {
                live.put(schedule.job().id(), state);
            }
        }

        List<String> activeJobs = new ArrayList<>();
        Instant startedAt = null;
        Instant stoppedAt = null;
        List<JobStatus> jobs = new ArrayList<>();
        for (JobSchedule schedule : snapshot.all()) {
            if (schedule.enabled()) {
                activeJobs.add(schedule.job().legacyName());
                startedAt = latest(startedAt, schedule.changedAt());
            } else {
                stoppedAt = latest(stoppedAt, schedule.changedAt());
            }
            jobs.add(jobStatus(schedule, live.get(schedule.job().id()), now));
        }
        String status =
                activeJobs.size() == snapshot.all().size() ? "running" : activeJobs.isEmpty() ? "stopped" : "partial";
        // the original contract's three jobs, in the shapes its admin page reads
        LastSyncs lastSyncs = new LastSyncs(
                LastSyncsAssembler.ecomanager(live.get(EcoManagerSyncJob.ID)),
                LastSyncsAssembler.shipping(live.get(ShippingStatusSyncJob.ID)),
                LastSyncsAssembler.cleanup(live.get(DailyCleanupJob.ID)));
        return new StatusView(
                status,
                !activeJobs.isEmpty(),
                ApiTime.algiers(startedAt),
                ApiTime.algiers(stoppedAt),
                List.copyOf(activeJobs),
                lastSyncs,
                List.copyOf(jobs));
    }

    /** The original contract's three next times, and every job's in {@code jobs}. */
    public NextSyncTimesView nextSyncTimes() {
        Snapshot snapshot = schedules.current();
        Instant now = clock.instant();
        List<NextSyncTimesView.JobNextTime> jobs = snapshot.all().stream()
                .map(schedule -> new NextSyncTimesView.JobNextTime(
                        schedule.job().id().id(),
                        schedule.job().legacyName(),
                        schedule.enabled(),
                        nextFire(schedule, now)))
                .toList();
        return new NextSyncTimesView(
                nextFire(snapshot.job(EcoManagerSyncJob.ID), now),
                nextFire(snapshot.job(ShippingStatusSyncJob.ID), now),
                nextFire(snapshot.job(DailyCleanupJob.ID), now),
                ApiTime.algiers(now),
                jobs);
    }

    /** Every job's schedule with its next fire times (none for a disabled schedule). */
    public List<JobView> jobs() {
        Instant now = clock.instant();
        return schedules.current().all().stream()
                .map(schedule -> jobView(schedule, schedule.enabled(), now))
                .toList();
    }

    /** One job, as in {@link #jobs()}. */
    public JobView job(JobId job) {
        JobSchedule schedule = schedule(job);
        return jobView(schedule, schedule.enabled(), clock.instant());
    }

    /** One job with its next fire times listed even while disabled: the answer to a cron change. */
    public JobView preview(JobId job) {
        return jobView(schedule(job), true, clock.instant());
    }

    private JobSchedule schedule(JobId job) {
        JobSchedule schedule = schedules.current().job(job);
        if (schedule == null) {
            // a catalogued job whose schedules row is missing (logged when the snapshot was read)
            throw new UnknownJobException(job.id());
        }
        return schedule;
    }

    /** A job's view with its fire times listed even when disabled: the preview of a schedule change. */
    JobView jobView(JobSchedule schedule, boolean listFireTimes, Instant now) {
        List<JobView.FireTime> fireTimes = listFireTimes
                ? CronSchedules.nextFireTimes(schedule.cron(), schedule.zone(), now, config.previewFireTimes()).stream()
                        .map(time -> new JobView.FireTime(time.toOffsetDateTime(), ApiTime.utc(time.toInstant())))
                        .toList()
                : List.of();
        MissedRuns.Summary misses = missed.of(schedule.job().id());
        return new JobView(
                schedule.job().id().id(),
                schedule.job().legacyName(),
                schedule.job().displayName(),
                schedule.enabled(),
                schedule.cron(),
                schedule.zone().getId(),
                describe(schedule.cron()),
                eventBridgeExpression(schedule.cron(), schedule.zone()),
                ApiTime.algiers(schedule.changedAt()),
                schedule.changedBy(),
                fireTimes,
                schedule.job().catchUp().name(),
                misses.missedFires24h(),
                ApiTime.utc(misses.lastMissedFire()));
    }

    private JobStatus jobStatus(JobSchedule schedule, JobLiveState live, Instant now) {
        MissedRuns.Summary misses = missed.of(schedule.job().id());
        CurrentRun current = null;
        String lastStatus = null;
        LastRun lastRun = null;
        if (live != null) {
            if (live.current() != null) {
                JobLiveState.CurrentRun run = live.current();
                Map<String, ProgressView> progress = new LinkedHashMap<>();
                if (run.progress() != null) {
                    run.progress().forEach((unit, p) -> progress.put(unit, new ProgressView(p.done(), p.total())));
                }
                current = new CurrentRun(
                        run.runId(),
                        run.trigger() == null ? null : run.trigger().name(),
                        run.actor(),
                        ApiTime.algiers(run.startedAt()),
                        progress);
            }
            lastStatus = live.lastStatus() == null ? null : live.lastStatus().name();
            lastRun = lastRun(live);
        }
        return new JobStatus(
                schedule.job().id().id(),
                schedule.job().legacyName(),
                schedule.job().displayName(),
                schedule.enabled(),
                schedule.cron(),
                schedule.zone().getId(),
                nextFire(schedule, now),
                current != null,
                current,
                lastStatus,
                lastRun,
                misses.missedFires24h(),
                ApiTime.utc(misses.lastMissedFire()));
    }

    private static LastRun lastRun(JobLiveState live) {
        if (live.lastStart() == null) {
            return null;
        }
        return new LastRun(
                live.lastRunId(),
                live.lastTrigger() == null ? null : live.lastTrigger().name(),
                live.lastStatus() == null ? null : live.lastStatus().name(),
                ApiTime.algiers(live.lastStart()),
                ApiTime.algiers(live.lastEnd()),
                live.lastCounts() == null ? Map.of() : live.lastCounts(),
                live.lastError(),
                live.lastUnits());
    }

    /** Null when the job is disabled, has no schedule, or its cron never fires again. */
    private static OffsetDateTime nextFire(JobSchedule schedule, Instant now) {
        if (schedule == null) {
            return null;
        }
        ZonedDateTime next = schedule.nextFireAfter(now);
        return next == null ? null : next.toOffsetDateTime();
    }

    private static String describe(String cron) {
        try {
            return CronSchedules.describe(cron);
        } catch (RuntimeException e) {
            // a description is a courtesy; a cron-utils wording gap must not break the listing
            return null;
        }
    }

    private static String eventBridgeExpression(String cron, ZoneId zone) {
        try {
            return CronSchedules.toEventBridgeUtc(cron, zone);
        } catch (InvalidCronException e) {
            return null;
        }
    }

    private static Instant latest(Instant current, Instant candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
