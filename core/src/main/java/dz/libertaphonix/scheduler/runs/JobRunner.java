package dz.libertaphonix.scheduler.runs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final RunLedger ledger;
    private final RunStateStore state;
    private final RunEventPublisher events;
    private final Heartbeats heartbeats;
    private final RunHolders holders;
    private final RunEnding ending;
    private final RunsConfig config;
    private final Clock clock;

    JobRunner(
            JobCatalog catalog,
            RunLock lock,
            RunLedger ledger,
            RunStateStore state,
            RunEventPublisher events,
            Heartbeats heartbeats,
            RunHolders holders,
            RunEnding ending,
            RunsConfig config,
            Clock clock) {
        this.catalog = catalog;
        this.lock = lock;
        this.ledger = ledger;
        this.state = state;
        this.events = events;
        this.heartbeats = heartbeats;
        this.holders = holders;
        this.ending = ending;
        this.config = config;
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
            return runWithMdc(request, requested);
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
            return failWithoutRunning(
                    request, runId, receivedAt, ErrorSummary.reported("NoJobRegistered", resolution.problem()), true);
        }

        Optional<RunLock.Lease> lease;
        try {
            lease = lock.tryAcquire(request.job(), runId, request.eventId());
            if (lease.isEmpty() && holders.releaseOrphanedLock(request.job())) {
                lease = lock.tryAcquire(request.job(), runId, request.eventId());
            }
        } catch (RunStateUnavailableException e) {
            LOG.errorf("run of %s not started: %s", request.job(), e.getMessage());
            return failWithoutRunning(request, runId, receivedAt, ErrorSummary.of(e), false);
        }
        if (lease.isEmpty()) {
            return skipWhileHeld(request, runId, receivedAt);
        }
        Instant deadline = request.deadline() != null
                ? request.deadline().truncatedTo(ChronoUnit.MICROS)
                : receivedAt.plus(config.maxRunDuration());
        // how long the run's bookkeeping may wait out an outage of PostgreSQL or Redis
        Instant patience = deadline.plus(config.recordEndGrace());
        try {
            return runHolding(request, runId, lease.get(), resolution.job(), receivedAt, deadline, patience);
        } finally {
            ending.release(lease.get(), patience);
        }
    }

    private RunSummary runHolding(
            RunRequest request,
            UUID runId,
            RunLock.Lease lease,
            Job job,
            Instant receivedAt,
            Instant deadline,
            Instant patience) {
        JobId jobId = request.job();
        String eventId = request.eventId();

        Optional<JobRun> running = ledger.running(jobId);
        if (running.isPresent()) {
            JobRun other = running.get();
            Optional<RunHolders.Gone> gone = holders.gone(other, receivedAt);
            if (gone.isPresent()) {
                holders.abandon(other, gone.get(), runId);
            } else {
                boolean duplicate = eventId != null && eventId.equals(other.eventId);
                LOG.warnf(
                        "run %s of %s is heartbeating without holding the lock; not starting beside it",
                        other.id, jobId);
                return skip(
                        request,
                        duplicate ? UUID.randomUUID() : runId,
                        receivedAt,
                        duplicate ? DUPLICATE : ALREADY_RUNNING);
            }
        }

        RunTrigger trigger = request.trigger();
        int attempt = 1;
        if (eventId != null) {
            List<JobRun> earlier = ledger.forEvent(jobId, eventId);
            if (earlier.stream().anyMatch(JobRunner::produced)) {
                return skip(request, UUID.randomUUID(), receivedAt, DUPLICATE);
            }
            int failedAttempts = failedAttempts(earlier);
            if (failedAttempts > 0) {
                trigger = RunTrigger.RETRY;
                attempt = failedAttempts + 1;
            }
        }

        Instant startedAt = now();
        JobRun run = newRun(request, runId, trigger, attempt, startedAt);
        run.status = JobRunStatus.RUNNING;
        run.deadlineAt = deadline;
        run.heartbeatAt = startedAt;
        run.lockOwner = lease.token();
        JobRun started;
        try {
            started = insert(run);
        } catch (RunLedger.DuplicateRunException e) {
            // the lock said free but the database has a RUNNING row: the second guard holds
            return skip(request, UUID.randomUUID(), receivedAt, ALREADY_RUNNING);
        }
        UUID id = started.id;
        MDC.put(MDC_RUN, id.toString());
        LOG.infof(
                "run started: trigger=%s attempt=%d actor=%s deadline=%s", trigger, attempt, request.actor(), deadline);
        quietly(
                "record the start in the live state",
                () -> state.started(jobId, id, started.trigger, started.actor, startedAt));

        RunContext context = new RunContext(id, jobId, started.trigger, deadline, clock, state);
        RunHeartbeat beat = new RunHeartbeat(lease, id, context, lock, state, ledger, clock);
        // the heartbeat goes on while the end is recorded: waiting out an outage keeps the lock alive
        try (Heartbeats.Beat beating = heartbeats.start(beat, config.heartbeatInterval())) {
            JobResult result = null;
            Exception failure = null;
            try {
                result = job.execute(context);
                if (result == null) {
                    failure = new IllegalStateException(job.getClass().getSimpleName() + " returned no result");
                }
            } catch (Exception e) {
                failure = e;
            }
            return ending.record(started, result, failure, patience);
        }
    }

    private RunSummary skipWhileHeld(RunRequest request, UUID runId, Instant receivedAt) {
        Optional<RunLock.Holder> holder = Optional.empty();
        try {
            holder = lock.holder(request.job());
        } catch (RunStateUnavailableException e) {
            LOG.debugf("cannot read the lock holder: %s", e.getMessage());
        }
        String eventId = request.eventId();
        boolean duplicate = eventId != null
                && (holder.map(h -> eventId.equals(h.eventId())).orElse(false)
                        || ledger.forEvent(request.job(), eventId).stream().anyMatch(JobRunner::produced));
        if (holder.isPresent()) {
            LOG.infof("run %s holds the lock of %s", holder.get().runId(), request.job());
        }
        return skip(
                request, duplicate ? UUID.randomUUID() : runId, receivedAt, duplicate ? DUPLICATE : ALREADY_RUNNING);
    }

    private RunSummary skip(RunRequest request, UUID runId, Instant at, String reason) {
        JobRun run = newRun(request, runId, request.trigger(), 1, at);
        run.status = JobRunStatus.SKIPPED;
        run.skipReason = reason;
        run.endedAt = at;
        run = insert(run);
        MDC.put(MDC_RUN, run.id.toString());
        LOG.infof("run SKIPPED: %s (trigger=%s event=%s)", reason, request.trigger(), request.eventId());
        events.publish(RunEvents.of(run));
        return summary(run);
    }

    private RunSummary failWithoutRunning(
            RunRequest request, UUID runId, Instant at, Map<String, String> error, boolean liveState) {
        JobRun run = newRun(request, runId, request.trigger(), 1, at);
        run.status = JobRunStatus.FAILED;
        run.endedAt = at;
        run.error = error;
        if (request.eventId() != null) {
            int failedAttempts = failedAttempts(ledger.forEvent(request.job(), request.eventId()));
            if (failedAttempts > 0) {
                run.trigger = RunTrigger.RETRY;
                run.attempt = failedAttempts + 1;
            }
        }
        JobRun recorded = insert(run);
        if (liveState) {
            quietly("record the failure in the live state", () -> state.endedWithoutStarting(recorded));
        }
        events.publish(RunEvents.of(recorded));
        return summary(recorded);
    }

    /** Inserts a row, choosing a fresh id if its id is already taken (a re-delivered trigger's run id). */
    private JobRun insert(JobRun run) {
        try {
            return ledger.insert(run);
        } catch (RunLedger.DuplicateRunException e) {
            if (e.anotherRunIsRunning()) {
                throw e;
            }
            run.id = UUID.randomUUID();
            return ledger.insert(run);
        }
    }

    private JobRun newRun(RunRequest request, UUID runId, RunTrigger trigger, int attempt, Instant startedAt) {
        JobRun run = new JobRun();
        run.id = runId;
        run.jobId = request.job();
        run.trigger = trigger;
        run.eventId = request.eventId();
        run.actor = request.actor();
        run.scheduledAt = request.scheduledAt();
        run.startedAt = startedAt;
        run.attempt = attempt;
        run.counts = new LinkedHashMap<>();
        return run;
    }

    /** How many attempts of an event failed (or were abandoned): the next one is a RETRY. */
    private static int failedAttempts(List<JobRun> earlier) {
        return earlier.stream()
                .filter(run -> run.status == JobRunStatus.FAILED || run.status == JobRunStatus.ABANDONED)
                .mapToInt(run -> run.attempt)
                .max()
                .orElse(0);
    }

    /** The event already did its work (or is doing it): running it again would duplicate it. */
    private static boolean produced(JobRun run) {
        return run.status == JobRunStatus.SUCCEEDED
                || run.status == JobRunStatus.PARTIAL
                || run.status == JobRunStatus.RUNNING;
    }

    /** Now, at the ledger's precision (PostgreSQL keeps microseconds), so what we say is what it stores. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static RunSummary summary(JobRun run) {
        return new RunSummary(
                run.id,
                run.jobId,
                run.trigger,
                run.status,
                run.skipReason,
                run.counts == null ? Map.of() : Map.copyOf(run.counts),
                run.startedAt,
                run.endedAt,
                run.error == null ? null : Map.copyOf(run.error));
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
