package dz.libertaphonix.scheduler.jobs;

/** The invocation's event is not one a job function accepts; nothing was run. */
public class BadEventException extends RuntimeException {

    public BadEventException(String message) {
        super(message);
    }
}
