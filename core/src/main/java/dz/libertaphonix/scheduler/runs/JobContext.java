package dz.libertaphonix.scheduler.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** What a job receives from the runner for one run. */
public interface JobContext {

    UUID runId();

    JobId jobId();

    RunTrigger trigger();

    /** When the job must have stopped; work past it risks being killed mid-batch. */
    Instant deadline();

    Clock clock();

    /** True once the deadline has passed: finish the current batch, then return PARTIAL. */
    default boolean deadlineReached() {
        return !clock().instant().isBefore(deadline());
    }

    /**
     * True in a dry run ({@link RunTrigger#DRY_RUN}): the job reads as a real run would, and each of its
     * write steps records what it would write in {@link #wouldDo()} instead of writing it (no row, no
     * cursor, no activity entry, no Redis key beyond the run's own). The seam is the write step, not
     * the job: a step that writes checks this flag, so a new job gets dry runs by following the rule.
     */
    default boolean dryRun() {
        return trigger() == RunTrigger.DRY_RUN;
    }

    /**
     * Where a dry run's write steps record what they would write.
     *
     * @throws IllegalStateException outside a dry run: a real run writes, it does not record
     */
    default DryRunReport wouldDo() {
        throw new IllegalStateException("only a dry run records what it would do");
    }

    /**
     * Reports live progress, shown by the status endpoint while the run is going ({@code stores 2/5},
     * {@code pages 14}). Cheap: it writes to Redis, never to the database.
     */
    void progress(String unit, long done, long total);
}
