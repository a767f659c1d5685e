package dz.libertaphonix.scheduler.stores;

/** A store with this identifier is already registered. */
public class StoreAlreadyExistsException extends RuntimeException {

    public StoreAlreadyExistsException(String identifier) {
        super("a store with identifier " + identifier + " already exists");
    }
}
