package dz.libertaphonix.scheduler.runs;

public enum JobRunStatus {
    RUNNING,
    SUCCEEDED,
    /** Stopped at the deadline, or some stores/accounts failed while others succeeded. */
    PARTIAL,
    FAILED,
    /** Not executed: a duplicate delivery or another run of the same job in progress. */
    SKIPPED,
    /** Its holder died without ending it; marked by the next run of the job. */
    ABANDONED;

    public boolean finished() {
        return this != RUNNING;
    }
}
