package dz.libertaphonix.scheduler.common.errors;

/** Input that cannot be used, with the reason: the API answers 400. */
public abstract class InvalidInputException extends SchedulerException {

    protected InvalidInputException(String message) {
        super(message);
    }

    protected InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
