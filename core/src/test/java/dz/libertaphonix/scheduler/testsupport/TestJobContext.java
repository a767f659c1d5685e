package dz.libertaphonix.scheduler.testsupport;

import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link JobContext} for calling a job without the JobRunner: a run id whose {@code job_runs} row
 * exists (orders and quarantine rows reference it), a deadline that a test can force, and a record
 * of the progress reports. Tests may make it "crash" (throw an {@link Error}, as a killed Lambda
 * would stop) or reach the deadline right after the n-th committed batch.
 */
public final class TestJobContext implements JobContext {

    /** Stands for the process dying: not an Exception, so no store isolation catches it. */
    public static final class SimulatedCrash extends Error {
        public SimulatedCrash(String message) {
            super(message);
        }
    }

    public record Progress(String unit, long done, long total) {}

    private final UUID runId;
    private final Clock clock;
    private final Instant deadline;
    private final AtomicBoolean deadlineForced = new AtomicBoolean();
    private final List<Progress> progress = new CopyOnWriteArrayList<>();
    private final AtomicInteger batches = new AtomicInteger();
    private volatile int crashAfterBatch = -1;
    private volatile int deadlineAfterBatch = -1;

    TestJobContext(UUID runId, Clock clock, Duration timeLeft) {
        this.runId = runId;
        this.clock = clock;
        this.deadline = clock.instant().plus(timeLeft);
    }

    /** The process dies right after the n-th batch is committed. */
    public TestJobContext crashAfterBatch(int n) {
        this.crashAfterBatch = n;
        return this;
    }

    /** The deadline passes right after the n-th batch is committed. */
    public TestJobContext deadlineAfterBatch(int n) {
        this.deadlineAfterBatch = n;
        return this;
    }

    /** The deadline has passed already. */
    public TestJobContext expired() {
        deadlineForced.set(true);
        return this;
    }

    public List<Progress> progress() {
        return List.copyOf(progress);
    }

    public List<Progress> progress(String unit) {
        return progress.stream().filter(p -> p.unit().equals(unit)).toList();
    }

    @Override
    public UUID runId() {
        return runId;
    }

    @Override
    public JobId jobId() {
        return EcoManagerSyncJob.ID;
    }

    @Override
    public RunTrigger trigger() {
        return RunTrigger.MANUAL;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public boolean deadlineReached() {
        return deadlineForced.get() || JobContext.super.deadlineReached();
    }

    @Override
    public void progress(String unit, long done, long total) {
        progress.add(new Progress(unit, done, total));
        if (!unit.equals("orders")) {
            return;
        }
        int batch = batches.incrementAndGet();
        if (batch == deadlineAfterBatch) {
            deadlineForced.set(true);
        }
        if (batch == crashAfterBatch) {
            throw new SimulatedCrash("simulated crash after batch " + batch);
        }
    }
}
