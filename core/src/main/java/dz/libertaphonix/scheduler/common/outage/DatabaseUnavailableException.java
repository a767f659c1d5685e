package dz.libertaphonix.scheduler.common.outage;

/**
 * PostgreSQL could not be reached (refused, cut, timed out, shutting down) while the scheduler was
 * doing something. The message says what, in words: {@code database unavailable while committing
 * batch 3 of NATU (connection lost)}. The admin API answers it 503 {@code DATABASE_UNAVAILABLE}.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String doing, Throwable cause) {
        super("database unavailable while " + doing + Outages.inBrackets(Outages.reason(cause)), cause);
    }
}
