package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.runs.DryRunReport;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.live.LiveStateWriter;
import dz.libertaphonix.scheduler.runs.live.RunStateUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The {@link JobContext} the runner hands a job for one run: its deadline, which the loss of the run's
 * lock brings forward, and its progress, written to the live state.
 */
final class RunnerJobContext implements JobContext {

    private static final Logger LOG = Logger.getLogger(RunnerJobContext.class);

    private final UUID runId;
    private final JobId jobId;
    private final RunTrigger trigger;
    private final Instant deadline;
    private final Clock clock;
    private final LiveStateWriter state;
    private final AtomicBoolean lockLost = new AtomicBoolean();
    private final DryRunReport wouldDo;

    RunnerJobContext(
            UUID runId, JobId jobId, RunTrigger trigger, Instant deadline, Clock clock, LiveStateWriter state) {
        this.runId = runId;
        this.jobId = jobId;
        this.trigger = trigger;
        this.deadline = deadline;
        this.clock = clock;
        this.state = state;
        this.wouldDo = trigger == RunTrigger.DRY_RUN ? new DryRunReport() : null;
    }

    @Override
    public DryRunReport wouldDo() {
        if (wouldDo == null) {
            return JobContext.super.wouldDo();
        }
        return wouldDo;
    }

    @Override
    public UUID runId() {
        return runId;
    }

    @Override
    public JobId jobId() {
        return jobId;
    }

    @Override
    public RunTrigger trigger() {
        return trigger;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /**
     * Also true once the run has lost its lock: another run may start any moment, so this one stops
     * at its next checkpoint as it would at its deadline.
     */
    @Override
    public boolean deadlineReached() {
        return lockLost.get() || JobContext.super.deadlineReached();
    }

    @Override
    public void progress(String unit, long done, long total) {
        try {
            state.progress(runId, unit, done, total);
        } catch (RunStateUnavailableException e) {
            // progress is a courtesy to the dashboard; the run goes on without it
            LOG.debugf("progress not recorded: %s", e.getMessage());
        }
    }

    void lockLost() {
        lockLost.set(true);
    }
}
