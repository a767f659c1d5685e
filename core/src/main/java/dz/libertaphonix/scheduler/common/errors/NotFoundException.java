package dz.libertaphonix.scheduler.common.errors;

/** Something asked for does not exist: the API answers 404. */
public abstract class NotFoundException extends SchedulerException {

    protected NotFoundException(String message) {
        super(message);
    }

    protected NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
