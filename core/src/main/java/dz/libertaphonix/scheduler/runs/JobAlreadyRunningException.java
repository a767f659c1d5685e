package dz.libertaphonix.scheduler.runs;

import java.util.UUID;

/** A run of this job is in progress; a second one is not started. */
public class JobAlreadyRunningException extends RuntimeException {

    private final JobId job;
    private final UUID runningRunId;

    public JobAlreadyRunningException(JobId job, UUID runningRunId) {
        super("job " + job + " is already running (run " + runningRunId + ")");
        this.job = job;
        this.runningRunId = runningRunId;
    }

    public JobId job() {
        return job;
    }

    public UUID runningRunId() {
        return runningRunId;
    }
}
