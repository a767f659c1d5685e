package dz.libertaphonix.scheduler.testsupport;

import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link JobContext} for calling the shipping job without the runner: a run id (whose
 * {@code job_runs} row the test inserts), a clock fixed at the test's "now", a deadline, and the
 * progress reported.
 */
public final class ShippingJobContext implements JobContext {

    private final UUID runId;
    private final Clock clock;
    private final Instant deadline;
    public final Map<String, Long> progress = new ConcurrentHashMap<>();

    private ShippingJobContext(UUID runId, Clock clock, Instant deadline) {
        this.runId = runId;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** Now is {@code now}, forever; the deadline an hour later. */
    public static ShippingJobContext at(UUID runId, Instant now) {
        return new ShippingJobContext(runId, Clock.fixed(now, ZoneOffset.UTC), now.plus(Duration.ofHours(1)));
    }

    /**
     * Time moves {@code step} each time anyone asks for it: with the deadline {@code steps} steps
     * ahead, the run sees it after a known number of looks at the clock.
     */
    public static ShippingJobContext ticking(UUID runId, Instant now, Duration step, int steps) {
        return new ShippingJobContext(runId, new TickingClock(now, step), now.plus(step.multipliedBy(steps)));
    }

    @Override
    public UUID runId() {
        return runId;
    }

    @Override
    public JobId jobId() {
        return ShippingStatusSyncJob.ID;
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
    public void progress(String unit, long done, long total) {
        progress.merge(unit, done, Math::max);
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
