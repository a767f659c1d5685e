package dz.libertaphonix.scheduler.importing.intake;

import dz.libertaphonix.scheduler.stores.Store;

/**
 * The store an intake writes for: all it needs of it. A webhook delivery reads these two columns
 * with one statement instead of loading the store entity, on its hot path.
 */
public record IntakeStore(long id, String identifier) {

    public static IntakeStore of(Store store) {
        return new IntakeStore(store.id, store.identifier);
    }
}
