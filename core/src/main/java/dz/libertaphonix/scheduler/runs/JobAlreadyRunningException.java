package dz.libertaphonix.scheduler.runs;

import dz.libertaphonix.scheduler.common.errors.ConflictException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A run of this job is in progress; a second one is not started. */
public class JobAlreadyRunningException extends ConflictException {

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

    /** The job and the run in progress, so a caller can follow that run. */
    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("job", job.id());
        details.put("runId", runningRunId);
        return details;
    }
}
