package dz.libertaphonix.scheduler.common.outage;

import dz.libertaphonix.scheduler.common.errors.UnavailableException;

/**
 * PostgreSQL could not be reached (refused, cut, timed out, shutting down) while the scheduler was
 * doing something. The message says what, in words: {@code database unavailable while committing
 * batch 3 of NATU (connection lost)}. The admin API answers it 503 {@code DATABASE_UNAVAILABLE}.
 */
public class DatabaseUnavailableException extends UnavailableException {

    public DatabaseUnavailableException(String doing, Throwable cause) {
        super("database unavailable while " + doing + Outages.inBrackets(Outages.reason(cause)), cause);
    }

    @Override
    public String advice() {
        return "the database cannot be reached right now; nothing was done; retry shortly";
    }
}
