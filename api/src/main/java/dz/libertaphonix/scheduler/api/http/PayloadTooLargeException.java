package dz.libertaphonix.scheduler.api.http;

/** A request body above the admin API's limit. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limitBytes) {
        super("request body is larger than " + limitBytes + " bytes");
    }
}
