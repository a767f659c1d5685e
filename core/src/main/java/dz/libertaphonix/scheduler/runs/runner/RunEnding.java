package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.UnitResult;
import dz.libertaphonix.scheduler.runs.events.RunEventPublisher;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.RunRecorder;
import dz.libertaphonix.scheduler.runs.live.LiveStateWriter;
import dz.libertaphonix.scheduler.runs.live.RunStateUnavailableException;
import dz.libertaphonix.scheduler.runs.lock.Lease;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Records how a run ended (ledger, live state, run event) and releases its lock, waiting out an
 * outage of PostgreSQL or Redis up to the run's patience (its deadline plus {@code record-end-grace}):
 * once the stores answer again, the end is recorded and the lock released within about two seconds,
 * so the next run never waits for a TTL.
 *
 * <p>When the ledger stays unreachable past the patience, the end is still written to the live state
 * and the lock released: the next run sees there that this run is over, marks its row ABANDONED at
 * once and proceeds. The run then ends in a {@link DatabaseUnavailableException} (a Lambda invocation
 * fails, and is retried).
 */
@ApplicationScoped
class RunEnding {

    private static final Logger LOG = Logger.getLogger(RunEnding.class);

    private final RunRecorder ledger;
    private final LiveStateWriter state;
    private final RunLock lock;
    private final RunEventPublisher events;
    private final Clock clock;

    RunEnding(RunRecorder ledger, LiveStateWriter state, RunLock lock, RunEventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.state = state;
        this.lock = lock;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the end of a run from what its job returned or threw.
     *
     * @throws DatabaseUnavailableException when the ledger could not be reached before {@code until}
     */
    RunSummary record(JobRun run, JobResult result, Exception failure, Instant until) {
        Ending ending = Ending.of(run, result, failure);
        Instant endedAt = now();
        JobRun ended;
        try {
            ended = OutageRetry.until(
                    until,
                    clock,
                    "record the end of run " + run.id,
                    () -> ledger.finish(
                            run.id, ending.status(), endedAt, ending.counts(), ending.results(), ending.error()),
                    JobRun.class);
        } catch (DatabaseUnavailableException unreachable) {
            throw unrecorded(run, ending, endedAt, result == null ? null : result.units(), unreachable);
        }
        List<UnitResult> units = result == null ? null : result.units();
        if (ended.trigger == RunTrigger.DRY_RUN) {
            endDryRun(ended, until);
            log(ended, result, failure);
            return RunRows.summary(ended);
        }
        try {
            OutageRetry.until(
                    until,
                    clock,
                    "record the end of run " + run.id + " in the live state",
                    () -> state.ended(ended, units));
        } catch (RunStateUnavailableException e) {
            // the ledger is the record; the next run's start rewrites the live state
            LOG.warnf("could not record the end in the live state: %s", e.getMessage());
        }
        events.publish(RunEvents.of(ended));
        log(ended, result, failure);
        return RunRows.summary(ended);
    }

    /**
     * A dry run's end: its run key goes, nothing else (the job's live state and the run events are the
     * real runs'); missed fires are not looked for, that would write.
     */
    private void endDryRun(JobRun ended, Instant until) {
        try {
            OutageRetry.until(until, clock, "remove the dry run's key " + ended.id, () -> state.dryRunEnded(ended.id));
        } catch (RunStateUnavailableException e) {
            // the key has a TTL and the cleanup removes a finished run's key
            LOG.warnf("could not remove the dry run's key: %s", e.getMessage());
        }
    }

    /** Releases the run's lock, waiting out a Redis outage until {@code until}; never throws. */
    void release(Lease lease, Instant until) {
        try {
            boolean released = OutageRetry.until(
                    until, clock, "release the lock of " + lease.job(), () -> lock.release(lease), Boolean.class);
            if (!released) {
                LOG.warnf("the lock of %s was no longer ours at the end of the run", lease.job());
            }
        } catch (RunStateUnavailableException e) {
            // its next holder releases it once the ledger shows this run ended, else its TTL does
            LOG.errorf("could not release the lock: %s", e.getMessage());
        }
    }

    /**
     * The ledger stayed unreachable: the end goes to the live state (so the next run can tell this
     * run is over) and the caller gets the outage.
     */
    private DatabaseUnavailableException unrecorded(
            JobRun run,
            Ending ending,
            Instant endedAt,
            List<UnitResult> units,
            DatabaseUnavailableException unreachable) {
        JobRun unrecorded = new JobRun();
        unrecorded.id = run.id;
        unrecorded.jobId = run.jobId;
        unrecorded.trigger = run.trigger;
        unrecorded.startedAt = run.startedAt;
        unrecorded.endedAt = endedAt;
        unrecorded.status = ending.status();
        unrecorded.counts = new LinkedHashMap<>(ending.counts());
        unrecorded.error = ending.error();
        try {
            state.ended(unrecorded, units);
        } catch (RunStateUnavailableException e) {
            LOG.errorf("could not record the end in the live state either: %s", e.getMessage());
        }
        LOG.errorf(
                "run ended %s at %s but the ledger could not record it: %s; the next run of %s marks it ABANDONED",
                ending.status(), endedAt, unreachable.getMessage(), run.jobId);
        return unreachable;
    }

    private static void log(JobRun ended, JobResult result, Exception failure) {
        long millis = Duration.between(ended.startedAt, ended.endedAt).toMillis();
        if (failure != null) {
            LOG.errorf(failure, "run FAILED after %d ms: %s", millis, ErrorSummary.oneLine(ended.error));
        } else if (ended.status == JobRunStatus.FAILED) {
            LOG.errorf("run FAILED after %d ms: %s counts=%s", millis, result.message(), ended.counts);
        } else {
            LOG.infof("run ended %s after %d ms counts=%s", ended.status, millis, ended.counts);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** What a run's job came to: status, counts, per-store results and error. */
    private record Ending(JobRunStatus status, Map<String, Long> counts, Object results, Map<String, String> error) {

        static Ending of(JobRun run, JobResult result, Exception failure) {
            if (failure != null) {
                Throwable named = Outages.named(failure, "running " + run.jobId)
                        .<Throwable>map(e -> e)
                        .orElse(failure);
                return new Ending(JobRunStatus.FAILED, Map.of(), null, ErrorSummary.of(named));
            }
            Map<String, String> error = result.message() == null
                    ? null
                    : ErrorSummary.reported(
                            result.status() == JobRunStatus.FAILED ? "JobFailed" : "JobWarning", result.message());
            return new Ending(result.status(), result.counts(), result.results(), error);
        }
    }
}
