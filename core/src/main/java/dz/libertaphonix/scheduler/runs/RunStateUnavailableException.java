package dz.libertaphonix.scheduler.runs;

/**
 * Redis, which holds the job locks and live state, could not be reached. Without the lock a run
 * cannot prove it is alone, so it does not start.
 */
public class RunStateUnavailableException extends RuntimeException {

    public RunStateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
