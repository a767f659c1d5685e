package dz.libertaphonix.scheduler.stores;

import dz.libertaphonix.scheduler.common.errors.NotFoundException;

public class StoreNotFoundException extends NotFoundException {

    public StoreNotFoundException(Object key) {
        super("no store " + key);
    }
}
