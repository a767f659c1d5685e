package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.events.RunEventPublisher;
import dz.libertaphonix.scheduler.runs.ledger.DuplicateRunException;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.RunRecorder;
import dz.libertaphonix.scheduler.runs.live.LiveStateWriter;
import dz.libertaphonix.scheduler.runs.live.RunStateUnavailableException;
import dz.libertaphonix.scheduler.runs.lock.LockHolder;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Records the runs that do not execute: a skip (a duplicate delivery, another run in progress) and a
 * failure before the job started (no job, no lock), each a ledger row and a run event; and inserts
 * any run's row, choosing a fresh id when a re-delivered trigger's run id is taken.
 */
@ApplicationScoped
class UnexecutedRuns {

    private static final Logger LOG = Logger.getLogger(UnexecutedRuns.class);

    private final RunRecorder ledger;
    private final RunLock lock;
    private final LiveStateWriter state;
    private final RunEventPublisher events;

    UnexecutedRuns(RunRecorder ledger, RunLock lock, LiveStateWriter state, RunEventPublisher events) {
        this.ledger = ledger;
        this.lock = lock;
        this.state = state;
        this.events = events;
    }

    RunSummary skip(RunRequest request, UUID runId, Instant at, String reason) {
        JobRun run = RunRows.newRun(request, runId, request.trigger(), 1, at);
        run.status = JobRunStatus.SKIPPED;
        run.skipReason = reason;
        run.endedAt = at;
        run = insert(run);
        MDC.put(JobRunner.MDC_RUN, run.id.toString());
        LOG.infof("run SKIPPED: %s (trigger=%s event=%s)", reason, request.trigger(), request.eventId());
        publish(run);
        return RunRows.summary(run);
    }

    /**
     * Skips a run whose job's lock someone holds: a {@code duplicate} when it carries the event the
     * holder runs (or one that already did its work), else {@code already-running}.
     */
    RunSummary skipWhileHeld(RunRequest request, UUID runId, Instant receivedAt) {
        Optional<LockHolder> holder = Optional.empty();
        try {
            holder = lock.holder(request.job());
        } catch (RunStateUnavailableException e) {
            LOG.debugf("cannot read the lock holder: %s", e.getMessage());
        }
        String eventId = request.eventId();
        boolean duplicate = eventId != null
                && (holder.map(h -> eventId.equals(h.eventId())).orElse(false)
                        || ledger.forEvent(request.job(), eventId).stream().anyMatch(RunRows::produced));
        if (holder.isPresent()) {
            LOG.infof("run %s holds the lock of %s", holder.get().runId(), request.job());
        }
        return skip(
                request,
                duplicate ? UUID.randomUUID() : runId,
                receivedAt,
                duplicate ? JobRunner.DUPLICATE : JobRunner.ALREADY_RUNNING);
    }

    /**
     * @param liveState whether the failure is also the job's last run in the live state (not when
     *     Redis itself is what failed)
     */
    RunSummary failWithoutRunning(
            RunRequest request, UUID runId, Instant at, Map<String, String> error, boolean liveState) {
        JobRun run = RunRows.newRun(request, runId, request.trigger(), 1, at);
        run.status = JobRunStatus.FAILED;
        run.endedAt = at;
        run.error = error;
        if (request.eventId() != null) {
            int failedAttempts = RunRows.failedAttempts(ledger.forEvent(request.job(), request.eventId()));
            if (failedAttempts > 0) {
                // a dry run stays a dry run, whatever its attempt
                run.trigger = request.trigger() == RunTrigger.DRY_RUN ? RunTrigger.DRY_RUN : RunTrigger.RETRY;
                run.attempt = failedAttempts + 1;
            }
        }
        JobRun recorded = insert(run);
        if (liveState && recorded.trigger != RunTrigger.DRY_RUN) {
            try {
                state.endedWithoutStarting(recorded);
            } catch (RunStateUnavailableException e) {
                // the ledger is the record; live state catches up on the next run
                LOG.warnf("could not record the failure in the live state: %s", e.getMessage());
            }
        }
        publish(recorded);
        return RunRows.summary(recorded);
    }

    /**
     * A dry run is no sync: it publishes no run event (a notification, or the "import did not run"
     * alarm counting SUCCEEDED runs, would take it for one). Its ledger row is its record.
     */
    private void publish(JobRun run) {
        if (run.trigger != RunTrigger.DRY_RUN) {
            events.publish(RunEvents.of(run));
        }
    }

    /** Inserts a row, choosing a fresh id if its id is already taken (a re-delivered trigger's run id). */
    JobRun insert(JobRun run) {
        try {
            return ledger.insert(run);
        } catch (DuplicateRunException e) {
            if (e.anotherRunIsRunning()) {
                throw e;
            }
            run.id = UUID.randomUUID();
            return ledger.insert(run);
        }
    }
}
