package dz.libertaphonix.scheduler.runs;

/**
 * A unit of scheduled work. The runner knows jobs only through this interface: a new job is a new
 * package with a bean implementing it, not an edit to the runner. Its {@link JobDescriptor} puts it in
 * the catalogue, and so in the admin API, the status, the dashboard and the job functions.
 *
 * <p>The runner holds the job's lock, writes the ledger and live state, and passes a context with
 * the run id and a deadline. A job stops cleanly between batches when the deadline is reached and
 * reports {@link JobRunStatus#PARTIAL}; its next run continues from its own checkpoint.
 */
public interface Job {

    /** The job's names and place in the catalogue: a constant of its class. */
    JobDescriptor descriptor();

    default JobId id() {
        return descriptor().id();
    }

    /**
     * Does the work. Throwing means the run FAILED; returning a result with SUCCEEDED, PARTIAL or
     * FAILED lets the job describe partial failures (one store down while others imported).
     */
    JobResult execute(JobContext context) throws Exception;
}
