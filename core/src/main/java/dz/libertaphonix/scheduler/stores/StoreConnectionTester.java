package dz.libertaphonix.scheduler.stores;

/** Port: checks a store's base URL and token against EcoManager with one cheap request. */
public interface StoreConnectionTester {

    ConnectionCheck test(Store store);

    /**
     * @param ok the token was accepted and the list answered
     * @param httpStatus the upstream status, null when no answer came (timeout, DNS, refused)
     * @param message one line for the admin, never the token
     * @param latencyMillis time to the answer
     */
    record ConnectionCheck(boolean ok, Integer httpStatus, String message, long latencyMillis) {}
}
