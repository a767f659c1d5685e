package dz.libertaphonix.scheduler.importing.intake;

import java.util.List;
import java.util.Set;

/**
 * What one committed batch did.
 *
 * @param insertedOrderIds the new orders' ids, to assign
 * @param insertedEcoManagerIds their EcoManager ids
 * @param duplicates orders of the batch the store already had (a concurrent run inserted them)
 * @param conflicts orders refused by another unique key, quarantined in the same transaction
 */
record BatchOutcome(
        List<Long> insertedOrderIds, Set<Long> insertedEcoManagerIds, int duplicates, List<Quarantine> conflicts) {

    static final BatchOutcome EMPTY = new BatchOutcome(List.of(), Set.of(), 0, List.of());
}
