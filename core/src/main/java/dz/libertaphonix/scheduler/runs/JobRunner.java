package dz.libertaphonix.scheduler.runs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
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
 *   <li>holding the lock, the ledger is checked: a RUNNING row whose heartbeat is older than the lock
 *       TTL is a dead holder's, marked ABANDONED; a fresh one (Redis lost the lock) wins, and this run
 *       is skipped — the database's one-RUNNING-row index is the second guard;
 *   <li>an event that already produced a SUCCEEDED or PARTIAL run is a duplicate; one whose runs all
 *       FAILED (or were ABANDONED) runs again as a RETRY attempt;
 *   <li>the job runs with a deadline, heartbeats renew the lock and stamp the ledger, and the end is
 *       recorded in the ledger, the live state and a run event.
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

    private final JobRegistry registry;
    private final RunLock lock;
    private final RunLedger ledger;
    private final RunStateStore state;
    private final RunEventPublisher events;
    private final Heartbeats heartbeats;
    private final RunsConfig config;
    private final Clock clock;

    public JobRunner(
            JobRegistry registry,
            RunLock lock,
            RunLedger ledger,
            RunStateStore state,
            RunEventPublisher events,
            Heartbeats heartbeats,
            RunsConfig config,
            Clock clock) {
        this.registry = registry;
        this.lock = lock;
        this.ledger = ledger;
        this.state = state;
        this.events = events;
        this.heartbeats = heartbeats;
        this.config = config;
        this.clock = clock;
    }

    /** Runs the job once (blocking, the whole run) and says how it ended, or why it was skipped. */
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
     * The run in progress of a job, if any: the lock holder in Redis, else a RUNNING ledger row that
     * is still heartbeating. The dispatcher asks before starting a run so it can answer "already
     * running" at once.
     */
    public Optional<UUID> runningRun(JobId job) {
        try {
            Optional<RunLock.Holder> holder = lock.holder(job);
            if (holder.isPresent() && holder.get().runId() != null) {
                return Optional.of(holder.get().runId());
            }
        } catch (RunStateUnavailableException e) {
            LOG.warnf("cannot read the lock of %s, answering from the ledger: %s", job, e.getMessage());
        }
        Instant now = now();
        return ledger.running(job).filter(run -> !stale(run, now)).map(run -> run.id);
    }

    private RunSummary runWithMdc(RunRequest request, UUID requested) {
        Instant receivedAt = now();
        JobRegistry.Resolution resolution = registry.resolve(request.job());
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
        } catch (RunStateUnavailableException e) {
            LOG.errorf("run of %s not started: %s", request.job(), e.getMessage());
            return failWithoutRunning(request, runId, receivedAt, ErrorSummary.of(e), false);
        }
        if (lease.isEmpty()) {
            return skipWhileHeld(request, runId, receivedAt);
        }
        try {
            return runHolding(request, runId, lease.get(), resolution.job(), receivedAt);
        } finally {
            release(lease.get());
        }
    }

    private RunSummary runHolding(RunRequest request, UUID runId, RunLock.Lease lease, Job job, Instant receivedAt) {
        JobId jobId = request.job();
        String eventId = request.eventId();

        Optional<JobRun> running = ledger.running(jobId);
        if (running.isPresent()) {
            JobRun other = running.get();
            if (stale(other, receivedAt)) {
                abandon(other, runId);
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
            int failedAttempts = earlier.stream()
                    .filter(run -> run.status == JobRunStatus.FAILED || run.status == JobRunStatus.ABANDONED)
                    .mapToInt(run -> run.attempt)
                    .max()
                    .orElse(0);
            if (failedAttempts > 0) {
                trigger = RunTrigger.RETRY;
                attempt = failedAttempts + 1;
            }
        }

        Instant startedAt = now();
        Instant deadline = request.deadline() != null
                ? request.deadline().truncatedTo(ChronoUnit.MICROS)
                : startedAt.plus(config.maxRunDuration());
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
        JobResult result = null;
        Exception failure = null;
        try (Heartbeats.Beat beat = heartbeats.start(() -> beat(lease, id, context), config.heartbeatInterval())) {
            result = job.execute(context);
            if (result == null) {
                failure = new IllegalStateException(job.getClass().getSimpleName() + " returned no result");
            }
        } catch (Exception e) {
            failure = e;
        }
        return end(started, result, failure);
    }

    private RunSummary end(JobRun run, JobResult result, Exception failure) {
        JobRunStatus status;
        Map<String, Long> counts;
        Object results = null;
        Map<String, String> error = null;
        if (failure != null) {
            status = JobRunStatus.FAILED;
            counts = Map.of();
            error = ErrorSummary.of(failure);
        } else {
            status = result.status();
            counts = result.counts();
            results = result.results();
            if (result.message() != null) {
                error = ErrorSummary.reported(
                        status == JobRunStatus.FAILED ? "JobFailed" : "JobWarning", result.message());
            }
        }
        JobRun ended = ledger.finish(run.id, status, now(), counts, results, error);
        List<UnitResult> units = result == null ? null : result.units();
        quietly("record the end in the live state", () -> state.ended(ended, units));
        events.publish(RunEvent.of(ended));
        long millis = Duration.between(ended.startedAt, ended.endedAt).toMillis();
        if (failure != null) {
            LOG.errorf(failure, "run FAILED after %d ms: %s", millis, ErrorSummary.oneLine(failure));
        } else if (status == JobRunStatus.FAILED) {
            LOG.errorf("run FAILED after %d ms: %s counts=%s", millis, result.message(), counts);
        } else {
            LOG.infof("run ended %s after %d ms counts=%s", status, millis, counts);
        }
        return summary(ended);
    }

    private void beat(RunLock.Lease lease, UUID runId, RunContext context) {
        MDC.put(MDC_JOB, lease.job().id());
        MDC.put(MDC_RUN, runId.toString());
        try {
            // stamped before the renewal, so the ledger's heartbeat is never later than the lock's life
            Instant at = now();
            try {
                if (!lock.renew(lease)) {
                    context.lockLost();
                    LOG.errorf("lost the lock of %s: stopping at the next checkpoint", lease.job());
                }
            } catch (RunStateUnavailableException e) {
                LOG.warnf("heartbeat could not renew the lock: %s", e.getMessage());
            }
            quietly("renew the live state", () -> state.heartbeat(runId));
            try {
                ledger.heartbeat(runId, at);
            } catch (RuntimeException e) {
                LOG.warnf("heartbeat could not stamp the ledger: %s", ErrorSummary.oneLine(e));
            }
        } finally {
            MDC.remove(MDC_RUN);
            MDC.remove(MDC_JOB);
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
        events.publish(RunEvent.of(run));
        return summary(run);
    }

    private RunSummary failWithoutRunning(
            RunRequest request, UUID runId, Instant at, Map<String, String> error, boolean liveState) {
        JobRun run = newRun(request, runId, request.trigger(), 1, at);
        run.status = JobRunStatus.FAILED;
        run.endedAt = at;
        run.error = error;
        if (request.eventId() != null) {
            int failedAttempts = ledger.forEvent(request.job(), request.eventId()).stream()
                    .filter(r -> r.status == JobRunStatus.FAILED || r.status == JobRunStatus.ABANDONED)
                    .mapToInt(r -> r.attempt)
                    .max()
                    .orElse(0);
            if (failedAttempts > 0) {
                run.trigger = RunTrigger.RETRY;
                run.attempt = failedAttempts + 1;
            }
        }
        JobRun recorded = insert(run);
        if (liveState) {
            quietly("record the failure in the live state", () -> state.endedWithoutStarting(recorded));
        }
        events.publish(RunEvent.of(recorded));
        return summary(recorded);
    }

    private void abandon(JobRun dead, UUID byRun) {
        Instant lastSeen = dead.heartbeatAt != null ? dead.heartbeatAt : dead.startedAt;
        Map<String, String> error = ErrorSummary.reported(
                "Abandoned",
                "its holder stopped heartbeating (last heartbeat " + lastSeen + "); found by run " + byRun);
        ledger.abandon(dead.id, lastSeen, error).ifPresent(abandoned -> {
            LOG.warnf("run %s of %s was abandoned by its holder (last heartbeat %s)", dead.id, dead.jobId, lastSeen);
            quietly("record the abandoned run in the live state", () -> state.ended(abandoned));
            events.publish(RunEvent.of(abandoned));
        });
    }

    private void release(RunLock.Lease lease) {
        try {
            if (!lock.release(lease)) {
                LOG.warnf("the lock of %s was no longer ours at the end of the run", lease.job());
            }
        } catch (RunStateUnavailableException e) {
            // it expires by itself after the lock TTL
            LOG.warnf("could not release the lock: %s", e.getMessage());
        }
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

    /** A heartbeat older than the lock TTL: its lock has expired, so its holder is gone. */
    private boolean stale(JobRun run, Instant now) {
        Instant lastSeen = run.heartbeatAt != null ? run.heartbeatAt : run.startedAt;
        return !lastSeen.plus(config.lockTtl()).isAfter(now);
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

    private static RunSummary summary(JobRun run) {
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
