package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.RunsConfig;
import dz.libertaphonix.scheduler.runs.events.RunEventPublisher;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.RunRecorder;
import dz.libertaphonix.scheduler.runs.live.EndedRun;
import dz.libertaphonix.scheduler.runs.live.LiveStateReader;
import dz.libertaphonix.scheduler.runs.live.LiveStateWriter;
import dz.libertaphonix.scheduler.runs.live.RunStateUnavailableException;
import dz.libertaphonix.scheduler.runs.lock.Lease;
import dz.libertaphonix.scheduler.runs.lock.LockHolder;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Whether the run holding a job (its Redis lock, or its RUNNING ledger row) is still alive, and what
 * to do with what a gone holder left behind, so that an outage never locks a job out for a lock TTL:
 *
 * <ul>
 *   <li>a lock whose run the ledger says has ended is an orphan (its release was lost while Redis
 *       was unreachable): it is released at once;
 *   <li>a RUNNING row whose lock is gone belongs to a gone holder when the live state says that run
 *       has ended (its holder could not reach the ledger to record it), or when its heartbeat is older
 *       than {@code missed-heartbeats} intervals; it is marked ABANDONED, ended at the later of its
 *       last heartbeat and the end its holder reported, never before it started;
 *   <li>a RUNNING row that still heartbeats is alive, even without a lock (Redis lost it).
 * </ul>
 */
@ApplicationScoped
class RunHolders {

    private static final Logger LOG = Logger.getLogger(RunHolders.class);

    /** Why a holder is taken for gone, since when, and what it reported before it went. */
    record Gone(Instant endedAt, String reason, Map<String, Long> counts) {}

    private final RunLock lock;
    private final RunRecorder ledger;
    private final LiveStateWriter state;
    private final LiveStateReader liveState;
    private final RunEventPublisher events;
    private final RunsConfig config;
    private final Clock clock;

    RunHolders(
            RunLock lock,
            RunRecorder ledger,
            LiveStateWriter state,
            LiveStateReader liveState,
            RunEventPublisher events,
            RunsConfig config,
            Clock clock) {
        this.lock = lock;
        this.ledger = ledger;
        this.state = state;
        this.liveState = liveState;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The run in progress of a job, if any: the lock holder (unless the ledger says its run has
     * ended), else a RUNNING row whose holder is not gone.
     *
     * @throws RunStateUnavailableException when Redis cannot be read: without the lock nobody can say
     * @throws dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException when PostgreSQL
     *     cannot be read
     */
    Optional<UUID> running(JobId job) {
        Optional<LockHolder> holder = lock.holder(job);
        if (holder.isPresent()
                && holder.get().runId() != null
                && !ended(holder.get().runId())) {
            return Optional.of(holder.get().runId());
        }
        Instant now = now();
        return ledger.running(job).filter(run -> gone(run, now).isEmpty()).map(run -> run.id);
    }

    /**
     * Takes the job's lock for a run; a lock left by a run that has ended (its release was lost) is
     * released first.
     *
     * @throws RunStateUnavailableException when Redis cannot be reached
     */
    Optional<Lease> acquire(JobId job, UUID runId, String eventId) {
        Optional<Lease> lease = lock.tryAcquire(job, runId, eventId);
        if (lease.isEmpty() && releaseOrphanedLock(job)) {
            lease = lock.tryAcquire(job, runId, eventId);
        }
        return lease;
    }

    /**
     * Releases the job's lock if its holder's run has ended in the ledger (an end recorded while Redis
     * was unreachable leaves the lock behind until its TTL). A lock whose run is not in the ledger yet
     * may be a run starting right now: it is left alone.
     *
     * @return whether a lock was released
     */
    private boolean releaseOrphanedLock(JobId job) {
        Optional<LockHolder> holder = lock.holder(job);
        if (holder.isEmpty()
                || holder.get().runId() == null
                || !ended(holder.get().runId())) {
            return false;
        }
        if (lock.releaseIfHeldByRun(job, holder.get().runId())) {
            LOG.warnf(
                    "released the lock of %s left by run %s, which has ended (its release was lost)",
                    job, holder.get().runId());
            return true;
        }
        return false;
    }

    /**
     * Whether the holder of a RUNNING row that does not hold the job's lock is gone, and why. Empty
     * when it may be alive (it still heartbeats in the ledger).
     */
    Optional<Gone> gone(JobRun run, Instant now) {
        Instant lastSeen = run.heartbeatAt != null ? run.heartbeatAt : run.startedAt;
        Optional<EndedRun> reported = reportedEnd(run);
        if (reported.isPresent()) {
            EndedRun end = reported.get();
            Instant endedAt = later(lastSeen, end.endedAt());
            return Optional.of(new Gone(
                    endedAt,
                    "its holder ended it " + end.status() + " at " + end.endedAt()
                            + " but could not record that in the ledger"
                            + (end.error() == null ? "" : "; it reported: " + end.error()),
                    end.counts()));
        }
        Duration silence = config.heartbeatInterval().multipliedBy(Math.max(1, config.missedHeartbeats()));
        if (!lastSeen.plus(silence).isAfter(now)) {
            return Optional.of(
                    new Gone(lastSeen, "its holder stopped heartbeating (last heartbeat " + lastSeen + ")", Map.of()));
        }
        return Optional.empty();
    }

    /**
     * The job's RUNNING row other than {@code runId}'s, if its holder is alive. A holder that is gone
     * is marked ABANDONED on the way (by {@code runId}), and does not count.
     */
    Optional<JobRun> aliveBeside(JobId job, UUID runId, Instant now) {
        Optional<JobRun> running = ledger.running(job);
        if (running.isEmpty()) {
            return Optional.empty();
        }
        Optional<Gone> gone = gone(running.get(), now);
        if (gone.isPresent()) {
            abandon(running.get(), gone.get(), runId);
            return Optional.empty();
        }
        return running;
    }

    /** Marks a gone holder's run ABANDONED, in the ledger and the live state, with a run event. */
    void abandon(JobRun dead, Gone gone, UUID byRun) {
        Map<String, String> error = ErrorSummary.reported("Abandoned", gone.reason() + "; found by run " + byRun);
        ledger.abandon(dead.id, gone.endedAt(), gone.counts(), error).ifPresent(abandoned -> {
            LOG.warnf("run %s of %s was abandoned: %s", dead.id, dead.jobId, gone.reason());
            boolean dryRun = abandoned.trigger == RunTrigger.DRY_RUN;
            try {
                if (dryRun) {
                    state.dryRunEnded(abandoned.id);
                } else {
                    state.ended(abandoned);
                }
            } catch (RunStateUnavailableException e) {
                LOG.warnf("could not record the abandoned run in the live state: %s", e.getMessage());
            }
            if (!dryRun) {
                events.publish(RunEvents.of(abandoned));
            }
        });
    }

    private Optional<EndedRun> reportedEnd(JobRun run) {
        try {
            return liveState.lastEnded(run.jobId).filter(end -> end.runId().equals(run.id));
        } catch (RunStateUnavailableException e) {
            LOG.debugf("cannot read the live state of %s: %s", run.jobId, e.getMessage());
            return Optional.empty();
        }
    }

    private boolean ended(UUID runId) {
        return ledger.find(runId).map(run -> run.status.finished()).orElse(false);
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
