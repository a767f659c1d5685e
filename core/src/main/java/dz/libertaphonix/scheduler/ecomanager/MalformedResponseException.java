package dz.libertaphonix.scheduler.ecomanager;

import dz.libertaphonix.scheduler.common.errors.UpstreamFailureException;

/**
 * EcoManager answered 2xx with a body that is not the expected order list (not JSON, no
 * {@code data} array). Not retried: the store's import stops for this run and the page is never
 * taken for an empty one.
 */
public class MalformedResponseException extends UpstreamFailureException {

    public MalformedResponseException(String message) {
        super(message);
    }
}
