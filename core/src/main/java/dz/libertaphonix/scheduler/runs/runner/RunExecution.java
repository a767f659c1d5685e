package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.RunsConfig;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.RunRecorder;
import dz.libertaphonix.scheduler.runs.live.LiveStateWriter;
import dz.libertaphonix.scheduler.runs.lock.Lease;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Executes a started run: the job with its context, under a heartbeat that renews the lock and stamps
 * the ledger, then the end recorded ({@link RunEnding}). The heartbeat goes on while the end is
 * recorded: waiting out an outage keeps the lock alive.
 */
@ApplicationScoped
class RunExecution {

    private final RunLock lock;
    private final RunRecorder ledger;
    private final LiveStateWriter state;
    private final Heartbeats heartbeats;
    private final RunEnding ending;
    private final RunsConfig config;
    private final Clock clock;

    RunExecution(
            RunLock lock,
            RunRecorder ledger,
            LiveStateWriter state,
            Heartbeats heartbeats,
            RunEnding ending,
            RunsConfig config,
            Clock clock) {
        this.lock = lock;
        this.ledger = ledger;
        this.state = state;
        this.heartbeats = heartbeats;
        this.ending = ending;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param started the run's RUNNING row
     * @param deadline when the job must have stopped
     * @param patience until when the end's bookkeeping waits out an outage
     */
    RunSummary execute(Job job, JobRun started, Lease lease, Instant deadline, Instant patience) {
        RunnerJobContext context =
                new RunnerJobContext(started.id, started.jobId, started.trigger, deadline, clock, state);
        RunHeartbeat beat = new RunHeartbeat(lease, started.id, context, lock, state, ledger, clock);
        try (Heartbeats.Beat beating = heartbeats.start(beat, config.heartbeatInterval())) {
            JobResult result = null;
            Exception failure = null;
            try {
                result = job.execute(context);
                if (result == null) {
                    failure = new IllegalStateException(job.getClass().getSimpleName() + " returned no result");
                } else if (context.dryRun()) {
                    result = DryRunResult.of(result, context.wouldDo());
                }
            } catch (Exception e) {
                failure = e;
            }
            return ending.record(started, result, failure, patience);
        }
    }
}
