package dz.libertaphonix.scheduler.ecomanager;

import dz.libertaphonix.scheduler.common.errors.UpstreamFailureException;

/**
 * EcoManager refused the store's token (HTTP 401 or 403). Permanent until the token changes: never
 * retried; the store is marked REJECTED and skipped by later imports. The message never carries the
 * token.
 */
public class StoreCredentialsRejectedException extends UpstreamFailureException {

    private final int httpStatus;

    public StoreCredentialsRejectedException(int httpStatus) {
        super("EcoManager refused the store's API token (HTTP " + httpStatus
                + (httpStatus == 401 ? ", unauthenticated" : ", forbidden or expired") + ")");
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
