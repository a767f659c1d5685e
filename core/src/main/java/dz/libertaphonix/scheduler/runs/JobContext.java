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
     * Reports live progress, shown by the status endpoint while the run is going ({@code stores 2/5},
     * {@code pages 14}). Cheap: it writes to Redis, never to the database.
     */
    void progress(String unit, long done, long total);
}
