package dz.libertaphonix.scheduler.api.local;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.JobRunRepository;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Saves and restores schedules rows around a test, and reads the ledger, for the local scheduler's tests. */
@ApplicationScoped
public class ScheduleRows {

    /** A copy of a schedules row. */
    public record Saved(
            String jobId, String cron, String timeZone, boolean enabled, String changedBy, Instant changedAt) {}

    private final ScheduleRepository schedules;
    private final JobRunRepository runs;
    private final RedisDataSource redis;

    public ScheduleRows(ScheduleRepository schedules, JobRunRepository runs, RedisDataSource redis) {
        this.schedules = schedules;
        this.runs = runs;
        this.redis = redis;
    }

    public Saved save(JobId job) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Schedule row = schedules.forJob(job).orElseThrow();
            return new Saved(row.jobId, row.cron, row.timeZone, row.enabled, row.changedBy, row.changedAt);
        });
    }

    public void restore(Saved saved) {
        QuarkusTransaction.requiringNew().run(() -> {
            Schedule row = schedules.findById(saved.jobId());
            row.cron = saved.cron();
            row.timeZone = saved.timeZone();
            row.enabled = saved.enabled();
            row.changedBy = saved.changedBy();
            row.changedAt = saved.changedAt();
        });
    }

    public Schedule row(JobId job) {
        return QuarkusTransaction.requiringNew()
                .call(() -> schedules.forJob(job).orElseThrow());
    }

    public JobRun run(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> runs.findById(id));
    }

    public List<JobRun> runsSince(JobId job, Instant since) {
        return QuarkusTransaction.requiringNew()
                .call(() -> runs.list("jobId = ?1 and startedAt >= ?2 order by startedAt", job, since));
    }

    /** No lock and no RUNNING row left for the job by an earlier test. */
    public void freeJob(JobId job) {
        redis.key().del(RunLock.key(job));
        QuarkusTransaction.requiringNew().run(() -> runs.list("jobId = ?1 and status = ?2", job, JobRunStatus.RUNNING)
                .forEach(run -> {
                    run.status = JobRunStatus.ABANDONED;
                    run.endedAt = run.startedAt;
                }));
    }
}
