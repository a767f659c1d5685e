package dz.libertaphonix.scheduler.runs.ledger;

/** An insert into the ledger broke a unique rule: another RUNNING row of the job, or a run id already used. */
public class DuplicateRunException extends RuntimeException {

    private final String constraint;

    DuplicateRunException(String constraint, Throwable cause) {
        super("job_runs rejected the row: " + constraint, cause);
        this.constraint = constraint;
    }

    /** Whether the database's one-RUNNING-row-per-job guard refused it (else a run id was reused). */
    public boolean anotherRunIsRunning() {
        return RunRecorder.ONE_RUNNING_PER_JOB.equals(constraint);
    }
}
