package dz.libertaphonix.scheduler.ecomanager;

import dz.libertaphonix.scheduler.common.errors.UpstreamFailureException;
import java.util.OptionalInt;

/**
 * EcoManager could not answer right now: HTTP 5xx, a timeout or a connection failure (or a 429, see
 * {@link UpstreamRateLimitedException}). Transient: retried with backoff, and when the retries are
 * spent the store's import stops for this run, with nothing treated as an empty page.
 */
public class UpstreamUnavailableException extends UpstreamFailureException {

    private final Integer httpStatus;
    private volatile boolean retryable = true;

    public UpstreamUnavailableException(String message, Integer httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public UpstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = null;
    }

    /**
     * Marks this failure as not worth retrying now (the wait would end past the run's deadline):
     * the store's import stops and the next run continues.
     */
    public UpstreamUnavailableException withoutRetry() {
        this.retryable = false;
        return this;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The upstream status, empty when no answer came (timeout, refused connection). */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
