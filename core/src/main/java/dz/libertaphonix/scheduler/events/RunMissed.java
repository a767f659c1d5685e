package dz.libertaphonix.scheduler.events;

import dz.libertaphonix.scheduler.runs.JobId;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Objects;

/**
 * A fire time the job's schedule implied went by with no run (or only skipped ones): published once per
 * missed fire, by whoever detects it (the next run of any job, the cleanup). The record is its own detail.
 *
 * @param job the job, by its id
 * @param fireTime the fire time that had no run
 * @param detectedAt when the miss was found
 */
@RegisterForReflection
public record RunMissed(JobId job, Instant fireTime, Instant detectedAt) implements SchedulerEvent {

    public static final String DETAIL_TYPE = "RunMissed";

    public RunMissed {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(fireTime, "fireTime");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }

    @Override
    public Instant time() {
        return detectedAt;
    }
}
