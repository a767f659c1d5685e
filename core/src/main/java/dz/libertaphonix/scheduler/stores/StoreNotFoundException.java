package dz.libertaphonix.scheduler.stores;

public class StoreNotFoundException extends RuntimeException {

    public StoreNotFoundException(Object key) {
        super("no store " + key);
    }
}
