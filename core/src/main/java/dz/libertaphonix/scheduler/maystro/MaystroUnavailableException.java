package dz.libertaphonix.scheduler.maystro;

/** A transient failure: 5xx, timeout, refused or reset connection. Retried with backoff. */
public class MaystroUnavailableException extends MaystroException {

    public MaystroUnavailableException(String account, String message) {
        super(account, message);
    }

    public MaystroUnavailableException(String account, String message, Throwable cause) {
        super(account, message, cause);
    }
}
