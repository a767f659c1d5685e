package dz.libertaphonix.scheduler.maystro;

import dz.libertaphonix.scheduler.common.errors.UpstreamFailureException;

/**
 * A Maystro request that did not give a usable answer. Messages name the account, never its key.
 */
public class MaystroException extends UpstreamFailureException {

    private final String account;

    public MaystroException(String account, String message) {
        super(message);
        this.account = account;
    }

    public MaystroException(String account, String message, Throwable cause) {
        super(message, cause);
        this.account = account;
    }

    /** The account name (never the key). */
    public String account() {
        return account;
    }
}
