package dz.libertaphonix.scheduler.ecomanager;

/**
 * What the admin's "test connection" found.
 *
 * @param ok the token was accepted and the list answered
 * @param httpStatus the upstream status, null when no answer came (timeout, DNS, refused)
 * @param message one line for the admin, never the token
 * @param latencyMillis time to the answer
 */
public record ConnectionCheck(boolean ok, Integer httpStatus, String message, long latencyMillis) {}
