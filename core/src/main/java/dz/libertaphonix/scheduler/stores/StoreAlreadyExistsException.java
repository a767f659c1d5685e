package dz.libertaphonix.scheduler.stores;

import dz.libertaphonix.scheduler.common.errors.ConflictException;

/** A store with this identifier is already registered. */
public class StoreAlreadyExistsException extends ConflictException {

    public StoreAlreadyExistsException(String identifier) {
        super("a store with identifier " + identifier + " already exists");
    }
}
