package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.RunsConfig;
import dz.libertaphonix.scheduler.runs.ledger.DuplicateRunException;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.RunRecorder;
import dz.libertaphonix.scheduler.runs.live.LiveStateWriter;
import dz.libertaphonix.scheduler.runs.live.RunStateUnavailableException;
import dz.libertaphonix.scheduler.runs.lock.Lease;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import dz.libertaphonix.scheduler.runs.missed.MissedRunDetector;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs a job once, whatever fired it, so that at-least-once delivery, Lambda retries and a "run now"
 * pressed during a scheduled run never execute the same job twice at once or the same event twice:
 *
 * <ol>
 *   <li>the job's Redis lock (owner token, TTL, heartbeat) decides who runs; a loser is recorded
 *       SKIPPED, {@code duplicate} when it carries the event the holder runs, else {@code
 *       already-running};
 *   <li>holding the lock, the ledger is checked: a RUNNING row whose holder is gone (see {@link
 *       RunHolders}) is marked ABANDONED; one that still heartbeats (Redis lost the lock) wins, and this
 *       run is skipped — the database's one-RUNNING-row index is the second guard;
 *   <li>an event that already produced a SUCCEEDED or PARTIAL run is a duplicate; one whose runs all
 *       FAILED (or were ABANDONED) runs again as a RETRY attempt;
 *   <li>the job runs with a deadline, heartbeats renew the lock and stamp the ledger, and the end is
 *       recorded in the ledger, the live state and a run event ({@link RunEnding}), waiting out an
 *       outage of PostgreSQL or Redis until the deadline plus {@code record-end-grace}.
 * </ol>
 *
 * Every log line of a run carries {@code job} and {@code runId} in the MDC.
 */
@ApplicationScoped
public class JobRunner {

    public static final String ALREADY_RUNNING = "already-running";
    public static final String DUPLICATE = "duplicate";

    static final String MDC_JOB = "job";
    static final String MDC_RUN = "runId";

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final JobCatalog catalog;
    private final RunLock lock;
    private final RunRecorder ledger;
    private final LiveStateWriter state;
    private final RunHolders holders;
    private final RunExecution execution;
    private final RunEnding ending;
    private final UnexecutedRuns unexecuted;
    private final RunsConfig config;
    private final MissedRunDetector missed;
    private final Clock clock;

    JobRunner(
            JobCatalog catalog,
            RunLock lock,
            RunRecorder ledger,
            LiveStateWriter state,
            RunHolders holders,
            RunExecution execution,
            RunEnding ending,
            UnexecutedRuns unexecuted,
            RunsConfig config,
            MissedRunDetector missed,
            Clock clock) {
        this.catalog = catalog;
        this.lock = lock;
        this.ledger = ledger;
        this.state = state;
        this.holders = holders;
        this.execution = execution;
        this.ending = ending;
        this.unexecuted = unexecuted;
        this.config = config;
        this.missed = missed;
        this.clock = clock;
    }

    /**
     * Runs the job once (blocking, the whole run) and says how it ended, or why it was skipped.
     *
     * @throws dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException when PostgreSQL
     *     cannot be reached to record the run (nothing was started, or the run's end could not be
     *     recorded before its deadline: the next run marks it ABANDONED)
     */
    public RunSummary run(RunRequest request) {
        UUID requested = request.runId() != null ? request.runId() : UUID.randomUUID();
        MDC.put(MDC_JOB, request.job().id());
        MDC.put(MDC_RUN, requested.toString());
        try {
            RunSummary summary = runWithMdc(request, requested);
            if (request.trigger() != RunTrigger.DRY_RUN) {
                // nothing stays up to watch the schedules: each run's end looks for the fires missed since
                missed.detectQuietly();
            }
            return summary;
        } finally {
            MDC.remove(MDC_RUN);
            MDC.remove(MDC_JOB);
        }
    }

    /**
     * The run in progress of a job, if any: the lock holder in Redis (unless its run has ended), else
     * a RUNNING ledger row whose holder is not gone. The dispatchers ask before starting a run so they
     * can answer "already running" at once.
     *
     * @throws RunStateUnavailableException when Redis cannot be read
     * @throws dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException when PostgreSQL
     *     cannot be read
     */
    public Optional<UUID> runningRun(JobId job) {
        return holders.running(job);
    }

    private RunSummary runWithMdc(RunRequest request, UUID requested) {
        Instant receivedAt = now();
        JobCatalog.Resolution resolution = catalog.resolve(request.job());
        // a re-delivered SyncRequested whose first attempt failed carries a run id the ledger has already
        UUID runId = request.runId() != null && ledger.exists(request.runId()) ? UUID.randomUUID() : requested;
        MDC.put(MDC_RUN, runId.toString());
        if (resolution.job() == null) {
            LOG.errorf("cannot run %s: %s", request.job(), resolution.problem());
            return unexecuted.failWithoutRunning(
                    request, runId, receivedAt, ErrorSummary.reported("NoJobRegistered", resolution.problem()), true);
        }

        Optional<Lease> lease;
        try {
            lease = holders.acquire(request.job(), runId, request.eventId());
        } catch (RunStateUnavailableException e) {
            LOG.errorf("run of %s not started: %s", request.job(), e.getMessage());
            return unexecuted.failWithoutRunning(request, runId, receivedAt, ErrorSummary.of(e), false);
        }
        if (lease.isEmpty()) {
            return unexecuted.skipWhileHeld(request, runId, receivedAt);
        }
        Instant deadline = request.deadline() != null
                ? request.deadline().truncatedTo(ChronoUnit.MICROS)
                : receivedAt.plus(config.maxRunDuration());
        // how long the run's bookkeeping may wait out an outage of PostgreSQL or Redis
        Instant patience = deadline.plus(config.recordEndGrace());
        try {
            return runHolding(new Held(request, runId, lease.get(), resolution.job(), receivedAt, deadline, patience));
        } finally {
            ending.release(lease.get(), patience);
        }
    }

    /** A run that holds its job's lock, and the instants it lives by. */
    private record Held(
            RunRequest request,
            UUID runId,
            Lease lease,
            Job job,
            Instant receivedAt,
            Instant deadline,
            Instant patience) {}

    private RunSummary runHolding(Held held) {
        RunRequest request = held.request();
        JobId jobId = request.job();
        String eventId = request.eventId();
        Instant receivedAt = held.receivedAt();

        Optional<JobRun> other = holders.aliveBeside(jobId, held.runId(), receivedAt);
        if (other.isPresent()) {
            boolean duplicate = eventId != null && eventId.equals(other.get().eventId);
            LOG.warnf(
                    "run %s of %s is heartbeating without holding the lock; not starting beside it",
                    other.get().id, jobId);
            return unexecuted.skip(
                    request,
                    duplicate ? UUID.randomUUID() : held.runId(),
                    receivedAt,
                    duplicate ? DUPLICATE : ALREADY_RUNNING);
        }

        RunTrigger trigger = request.trigger();
        int attempt = 1;
        if (eventId != null) {
            List<JobRun> earlier = ledger.forEvent(jobId, eventId);
            if (earlier.stream().anyMatch(RunRows::produced)) {
                return unexecuted.skip(request, UUID.randomUUID(), receivedAt, DUPLICATE);
            }
            int failedAttempts = RunRows.failedAttempts(earlier);
            if (failedAttempts > 0) {
                // a re-delivered dry run is retried as a dry run, never as a real one
                trigger = trigger == RunTrigger.DRY_RUN ? RunTrigger.DRY_RUN : RunTrigger.RETRY;
                attempt = failedAttempts + 1;
            }
        }

        Instant startedAt = now();
        JobRun run = RunRows.newRun(request, held.runId(), trigger, attempt, startedAt);
        run.status = JobRunStatus.RUNNING;
        run.deadlineAt = held.deadline();
        run.heartbeatAt = startedAt;
        run.lockOwner = held.lease().token();
        JobRun started;
        try {
            started = unexecuted.insert(run);
        } catch (DuplicateRunException e) {
            // the lock said free but the database has a RUNNING row: the second guard holds
            return unexecuted.skip(request, UUID.randomUUID(), receivedAt, ALREADY_RUNNING);
        }
        UUID id = started.id;
        MDC.put(MDC_RUN, id.toString());
        LOG.infof(
                "run started: trigger=%s attempt=%d actor=%s deadline=%s",
                trigger, attempt, request.actor(), held.deadline());
        if (started.trigger == RunTrigger.DRY_RUN) {
            // a dry run keeps only its own run key: the job's state (last run, current run) is the real runs'
            quietly("record the dry run's key in the live state", () -> state.dryRunStarted(jobId, id));
        } else {
            quietly(
                    "record the start in the live state",
                    () -> state.started(jobId, id, started.trigger, started.actor, startedAt));
        }

        return execution.execute(held.job(), started, held.lease(), held.deadline(), held.patience());
    }

    /** Now, at the ledger's precision (PostgreSQL keeps microseconds), so what we say is what it stores. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void quietly(String what, Runnable write) {
        try {
            write.run();
        } catch (RunStateUnavailableException e) {
            // the ledger is the record; live state catches up on the next run
            LOG.warnf("could not %s: %s", what, e.getMessage());
        }
    }
}
