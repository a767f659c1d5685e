package dz.libertaphonix.scheduler.maystro;

/**
 * A permanent failure of one request: an unexpected 4xx, or a body that is not the JSON Maystro
 * documents. Not retried; the page or lookup it served is reported as failed.
 */
public class MaystroRequestException extends MaystroException {

    public MaystroRequestException(String account, String message) {
        super(account, message);
    }

    public MaystroRequestException(String account, String message, Throwable cause) {
        super(account, message, cause);
    }
}
