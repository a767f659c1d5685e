package dz.libertaphonix.scheduler.common.errors;

/**
 * Something the scheduler needs (PostgreSQL, Redis, EventBridge) cannot be reached right now; nothing
 * was done, and trying again later may work. The API answers 503.
 */
public abstract class UnavailableException extends SchedulerException {

    protected UnavailableException(String message) {
        super(message);
    }

    protected UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What the caller is told: its own message unless it names internals the caller has no use for. */
    public String advice() {
        return getMessage();
    }
}
