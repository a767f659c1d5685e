package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.JobRunner;
import dz.libertaphonix.scheduler.runs.RunSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** What every job function does: event → run request with the Lambda deadline → JobRunner → summary. */
@ApplicationScoped
public class FunctionRunner {

    private final JobRunner runner;
    private final FunctionsConfig config;
    private final Clock clock;

    public FunctionRunner(JobRunner runner, FunctionsConfig config, Clock clock) {
        this.runner = runner;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs the job for the event. SUCCEEDED, PARTIAL and SKIPPED return the summary; FAILED throws, so
     * the invocation ends in error.
     */
    public RunSummary run(JobId job, EventBridgeEvent event) {
        Instant invokedAt = clock.instant();
        Instant deadline = invokedAt.plus(config.timeout()).minus(config.safetyMargin());
        RunSummary summary = runner.run(RunRequests.from(job, event, deadline));
        if (summary.status() == JobRunStatus.FAILED) {
            throw new RunFailedException(summary);
        }
        return summary;
    }
}
