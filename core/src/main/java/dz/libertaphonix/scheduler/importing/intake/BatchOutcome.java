package dz.libertaphonix.scheduler.importing.intake;

import java.util.List;
import java.util.Map;

/**
 * What one committed batch did.
 *
 * @param inserted the new orders: EcoManager id to order id, in the order they were inserted
 * @param duplicates orders of the batch the store already had (a concurrent run inserted them)
 * @param conflicts orders refused by another unique key, quarantined in the same transaction
 */
record BatchOutcome(Map<Long, Long> inserted, int duplicates, List<Quarantine> conflicts) {

    static final BatchOutcome EMPTY = new BatchOutcome(Map.of(), 0, List.of());

    /** The new orders' ids, to assign. */
    List<Long> insertedOrderIds() {
        return List.copyOf(inserted.values());
    }
}
