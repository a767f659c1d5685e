package dz.libertaphonix.scheduler.testsupport;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.JobRunRepository;
import dz.libertaphonix.scheduler.runs.live.LiveStateRedis;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/** Builds and reads run-ledger and Redis state for the runtime's tests. */
@ApplicationScoped
public class RunFixtures {

    private final JobRunRepository runs;
    private final RedisDataSource redis;

    public RunFixtures(JobRunRepository runs, RedisDataSource redis) {
        this.runs = runs;
        this.redis = redis;
    }

    /** A unique EventBridge-like event id. */
    public static String eventId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Gives a job a clean slate: no lock, no live state, no RUNNING row (earlier tests' runs stay in the
     * ledger, ended).
     */
    public void freeJob(JobId job) {
        redis.key().del(RunLock.key(job), LiveStateRedis.stateKey(job));
        QuarkusTransaction.requiringNew().run(() -> runs.list("jobId = ?1 and status = ?2", job, JobRunStatus.RUNNING)
                .forEach(run -> {
                    run.status = JobRunStatus.ABANDONED;
                    run.endedAt = run.startedAt;
                }));
    }

    /** A RUNNING row as a holder that is now dead left it. */
    public JobRun runningRow(JobId job, String eventId, Instant startedAt, Instant lastHeartbeat) {
        JobRun run = new JobRun();
        run.id = UUID.randomUUID();
        run.jobId = job;
        run.trigger = RunTrigger.SCHEDULED;
        run.eventId = eventId;
        run.actor = "scheduler";
        run.startedAt = startedAt;
        run.heartbeatAt = lastHeartbeat;
        run.status = JobRunStatus.RUNNING;
        run.counts = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> runs.persist(run));
        return run;
    }

    /** An ended row, for retention tests. */
    public JobRun endedRow(JobId job, JobRunStatus status, Instant startedAt) {
        JobRun run = new JobRun();
        run.id = UUID.randomUUID();
        run.jobId = job;
        run.trigger = RunTrigger.SCHEDULED;
        run.actor = "scheduler";
        run.startedAt = startedAt;
        run.endedAt = startedAt.plusSeconds(30);
        run.status = status;
        run.skipReason = status == JobRunStatus.SKIPPED ? "already-running" : null;
        run.counts = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> runs.persist(run));
        return run;
    }

    public JobRun run(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> runs.findById(id));
    }

    /** The job's most recently started run. */
    public JobRun latest(JobId job) {
        return QuarkusTransaction.requiringNew().call(() -> runs.latest(job).orElseThrow());
    }

    /** The job's runs started at or after {@code since}, oldest first. */
    public List<JobRun> runsSince(JobId job, Instant since) {
        return QuarkusTransaction.requiringNew()
                .call(() -> runs.list("jobId = ?1 and startedAt >= ?2 order by startedAt", job, since));
    }

    public List<JobRun> runsForEvent(JobId job, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> runs.forEvent(job, eventId));
    }
}
