package dz.libertaphonix.scheduler.importing.intake;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerOrder;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Parsed orders of one store, to be taken in by {@link OrderIntake}.
 *
 * @param store the store the orders came from
 * @param orders the orders as parsed, in any order, malformed ones included (they are quarantined)
 * @param seenUpTo ids at or below it were examined before: an insert among them is a late arrival,
 *     and one already stored there is not a duplicate (the hourly walk passes the store's cursor)
 * @param runId the run to stamp on orders, events, quarantine rows and log entries; null outside a run
 * @param followUp what each transaction also does, atomically with its orders
 * @param stopRequested checked before each batch: true ends the intake between two batches (a job's deadline)
 * @param progress told how many orders will be committed, and each batch once committed
 * @param tally counts what happens, batch by batch
 */
public record IntakeRequest(
        IntakeStore store,
        List<EcoManagerOrder> orders,
        long seenUpTo,
        UUID runId,
        BatchFollowUp followUp,
        BooleanSupplier stopRequested,
        IntakeProgress progress,
        IntakeTally tally) {

    public IntakeRequest {
        orders = List.copyOf(orders);
    }
}
