package dz.libertaphonix.scheduler.stores;

/** No {@link StoreConnectionTester} is deployed in this application, so a store cannot be tested. */
public class ConnectionTestUnavailableException extends RuntimeException {

    public ConnectionTestUnavailableException() {
        super("store connection testing is not available in this deployment");
    }
}
