package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.runner.RunSummary;

/**
 * Ends the invocation of a run that FAILED with an error, so Lambda counts it as an error (metrics,
 * retries of the asynchronous invocation, the on-failure destination). The run itself is already in
 * the ledger.
 */
public class RunFailedException extends RuntimeException {

    public RunFailedException(RunSummary run) {
        super("run " + run.runId() + " of " + run.job() + " FAILED: " + ErrorSummary.oneLine(run.error()));
    }
}
