package dz.libertaphonix.scheduler.testsupport;

import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.DryRunReport;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one {@link JobContext} of core's tests, for calling a job's service without the JobRunner: a
 * run id (whose {@code job_runs} row the fixtures write: orders, events and quarantine rows reference
 * it), a clock, a deadline a test can force, and the progress reported. Tests may make it "crash"
 * (throw an {@link Error}, as a killed Lambda would stop) or reach the deadline right after the n-th
 * committed batch of orders.
 */
public final class TestJobContext implements JobContext {

    /** Stands for the process dying: not an Exception, so no store isolation catches it. */
    public static final class SimulatedCrash extends Error {
        public SimulatedCrash(String message) {
            super(message);
        }
    }

    public record Progress(String unit, long done, long total) {}

    private final JobId jobId;
    private final UUID runId;
    private final Clock clock;
    private final Instant deadline;
    private final AtomicBoolean deadlineForced = new AtomicBoolean();
    private final List<Progress> progress = new CopyOnWriteArrayList<>();
    private final AtomicInteger batches = new AtomicInteger();
    private volatile Consumer<Progress> listener;
    private volatile int crashAfterBatch = -1;
    private volatile int deadlineAfterBatch = -1;
    private volatile DryRunReport wouldDo;

    private TestJobContext(JobId jobId, UUID runId, Clock clock, Instant deadline) {
        this.jobId = jobId;
        this.runId = runId;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** An {@code ecomanager-sync} run with {@code timeLeft} before its deadline. */
    public static TestJobContext importing(UUID runId, Clock clock, Duration timeLeft) {
        return new TestJobContext(
                EcoManagerSyncJob.ID, runId, clock, clock.instant().plus(timeLeft));
    }

    /** A {@code shipping-status-sync} run whose now is {@code now}, forever; the deadline an hour later. */
    public static TestJobContext shippingAt(UUID runId, Instant now) {
        return new TestJobContext(
                ShippingStatusSyncJob.ID, runId, Clock.fixed(now, ZoneOffset.UTC), now.plus(Duration.ofHours(1)));
    }

    /**
     * A {@code shipping-status-sync} run whose time moves {@code step} each time anyone asks for it:
     * with the deadline {@code steps} steps ahead, the run sees it after a known number of looks.
     */
    public static TestJobContext shippingTicking(UUID runId, Instant now, Duration step, int steps) {
        return new TestJobContext(
                ShippingStatusSyncJob.ID, runId, new TickingClock(now, step), now.plus(step.multipliedBy(steps)));
    }

    /** The process dies right after the n-th batch of orders is committed. */
    public TestJobContext crashAfterBatch(int n) {
        this.crashAfterBatch = n;
        return this;
    }

    /** The deadline passes right after the n-th batch of orders is committed. */
    public TestJobContext deadlineAfterBatch(int n) {
        this.deadlineAfterBatch = n;
        return this;
    }

    /** A dry run: trigger DRY_RUN, its write steps recording in {@link #wouldDo()}. */
    public TestJobContext asDryRun() {
        this.wouldDo = new DryRunReport();
        return this;
    }

    @Override
    public DryRunReport wouldDo() {
        return wouldDo == null ? JobContext.super.wouldDo() : wouldDo;
    }

    /** The deadline has passed already. */
    public TestJobContext expired() {
        deadlineForced.set(true);
        return this;
    }

    /**
     * Hands each progress report to {@code listener} instead of keeping it (a benchmark measuring
     * memory keeps nothing of its own).
     */
    public TestJobContext onProgress(Consumer<Progress> listener) {
        this.listener = listener;
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
        return jobId;
    }

    @Override
    public RunTrigger trigger() {
        return wouldDo == null ? RunTrigger.MANUAL : RunTrigger.DRY_RUN;
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
        Progress report = new Progress(unit, done, total);
        Consumer<Progress> heard = listener;
        if (heard != null) {
            heard.accept(report);
        } else {
            progress.add(report);
        }
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

    private static final class TickingClock extends Clock {

        private final Instant start;
        private final Duration step;
        private final AtomicLong ticks = new AtomicLong();

        TickingClock(Instant start, Duration step) {
            this.start = start;
            this.step = step;
        }

        @Override
        public Instant instant() {
            return start.plus(step.multipliedBy(ticks.getAndIncrement()));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
