package dz.libertaphonix.scheduler.common.errors;

/**
 * An upstream API (EcoManager, Maystro) failed a call: unreachable, refused the credentials or the
 * request, or answered something unreadable. The jobs record it per store or account.
 */
public abstract class UpstreamFailureException extends SchedulerException {

    protected UpstreamFailureException(String message) {
        super(message);
    }

    protected UpstreamFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
