package dz.libertaphonix.scheduler.common.errors;

/** The request conflicts with the current state (it exists already, it is running): the API answers 409. */
public abstract class ConflictException extends SchedulerException {

    protected ConflictException(String message) {
        super(message);
    }

    protected ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
