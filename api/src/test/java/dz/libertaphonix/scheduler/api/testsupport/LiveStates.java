package dz.libertaphonix.scheduler.api.testsupport;

import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.UnitResult;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.live.LiveStateRedis;
import dz.libertaphonix.scheduler.runs.live.LiveStateWriter;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes jobs' live state into Redis through the runtime's own store, as runs would. */
@ApplicationScoped
public class LiveStates {

    private final LiveStateWriter store;
    private final RedisDataSource redis;

    public LiveStates(LiveStateWriter store, RedisDataSource redis) {
        this.store = store;
        this.redis = redis;
    }

    /** Forgets everything Redis knows about the job's runs. */
    public void clear(JobId job) {
        redis.key().del(LiveStateRedis.stateKey(job));
    }

    /** A run that started and ended: the job's last run. */
    public void finished(
            JobId job,
            Instant start,
            Instant end,
            JobRunStatus status,
            Map<String, Long> counts,
            Map<String, String> error) {
        finished(job, start, end, status, counts, error, null);
    }

    /** As above, with how each of its stores or accounts ended. */
    public void finished(
            JobId job,
            Instant start,
            Instant end,
            JobRunStatus status,
            Map<String, Long> counts,
            Map<String, String> error,
            List<UnitResult> units) {
        JobRun run = new JobRun();
        run.id = UUID.randomUUID();
        run.jobId = job;
        run.trigger = RunTrigger.SCHEDULED;
        run.actor = "scheduler";
        run.startedAt = start;
        run.endedAt = end;
        run.status = status;
        run.counts = counts;
        run.error = error;
        store.started(job, run.id, run.trigger, run.actor, start);
        store.ended(run, units);
    }

    /** A run in progress (state only: no lock is taken). */
    public UUID running(JobId job, Instant start, String unit, long done, long total) {
        UUID runId = UUID.randomUUID();
        store.started(job, runId, RunTrigger.SCHEDULED, "scheduler", start);
        store.progress(runId, unit, done, total);
        return runId;
    }

    /** Every job with a last run; the import with a run in progress and its progress. */
    public void populateEveryJob() {
        Instant now = Instant.now();
        finished(
                EcoManagerSyncJob.ID,
                now.minusSeconds(3600),
                now.minusSeconds(3500),
                JobRunStatus.SUCCEEDED,
                Map.of("imported", 42L, "assigned", 42L, "quarantined", 1L),
                null,
                List.of(
                        new UnitResult("NATU", true, 30, null),
                        new UnitResult("KITCH", true, 12, null),
                        new UnitResult("MODA", false, 0, "EcoManager refused the token of store MODA: 401")));
        running(EcoManagerSyncJob.ID, now.minusSeconds(20), "stores", 2, 5);
        finished(
                ShippingStatusSyncJob.ID,
                now.minusSeconds(7200),
                now.minusSeconds(7000),
                JobRunStatus.PARTIAL,
                Map.of("changed", 17L, "delivered", 9L, "notChecked", 40L, "conflicts", 0L),
                Map.of("class", "UpstreamUnavailableException", "message", "Maystro answered 503"),
                List.of(new UnitResult("main", false, 17, "2 request(s) failed, last: HTTP 503")));
        finished(
                DailyCleanupJob.ID,
                now.minusSeconds(30_000),
                now.minusSeconds(29_990),
                JobRunStatus.SUCCEEDED,
                Map.of("activityLogsDeleted", 1200L),
                null);
    }
}
