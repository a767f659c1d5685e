package dz.libertaphonix.scheduler.ecomanager;

import dz.libertaphonix.scheduler.common.errors.UpstreamFailureException;

/**
 * EcoManager refused the request itself (a 4xx other than 401, 403 and 429: a wrong base URL, an
 * unknown cursor). Permanent for this request: not retried.
 */
public class UpstreamRequestRejectedException extends UpstreamFailureException {

    private final int httpStatus;

    public UpstreamRequestRejectedException(int httpStatus) {
        super("EcoManager rejected the request (HTTP " + httpStatus + ")");
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
