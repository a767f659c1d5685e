package dz.libertaphonix.scheduler.api.admin;

/** A path names a job the scheduler does not have. */
public class UnknownJobException extends RuntimeException {

    public UnknownJobException(String name) {
        super("unknown job '" + name + "'");
    }
}
