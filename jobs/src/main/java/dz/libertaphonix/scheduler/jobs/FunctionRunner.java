package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.events.EventBridgeEvent;
import dz.libertaphonix.scheduler.events.eventbridge.SyncRequests;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.runner.JobRunner;
import dz.libertaphonix.scheduler.runs.runner.RunSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * What the job function does: event → run request of this Lambda's job (its {@code SCHEDULER_JOB}),
 * with the Lambda deadline → JobRunner → summary.
 */
@ApplicationScoped
public class FunctionRunner {

    private final JobRunner runner;
    private final JobCatalog catalog;
    private final SyncRequests requests;
    private final FunctionsConfig config;
    private final Clock clock;

    public FunctionRunner(
            JobRunner runner, JobCatalog catalog, SyncRequests requests, FunctionsConfig config, Clock clock) {
        this.runner = runner;
        this.catalog = catalog;
        this.requests = requests;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs this function's job for the event. SUCCEEDED, PARTIAL and SKIPPED return the summary; FAILED
     * throws, so the invocation ends in error.
     *
     * @throws FunctionConfigurationException when the function names no job of the catalogue
     * @throws BadEventException when the event is not one a job function accepts
     */
    public RunSummary run(EventBridgeEvent event) {
        Instant invokedAt = clock.instant();
        Instant deadline = invokedAt.plus(config.timeout()).minus(config.safetyMargin());
        RunSummary summary = runner.run(RunRequests.from(job().id(), event, deadline, requests));
        if (summary.status() == JobRunStatus.FAILED) {
            throw new RunFailedException(summary);
        }
        return summary;
    }

    private JobDescriptor job() {
        String name = config.job()
                .orElseThrow(() -> new FunctionConfigurationException(
                        "this function names no job: set SCHEDULER_JOB to one of " + catalog.ids()));
        return catalog.find(name)
                .orElseThrow(
                        () -> new FunctionConfigurationException("SCHEDULER_JOB names no job of this application: '"
                                + name + "' (known: " + catalog.ids() + ")"));
    }
}
