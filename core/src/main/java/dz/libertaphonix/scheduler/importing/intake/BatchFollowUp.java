package dz.libertaphonix.scheduler.importing.intake;

/**
 * Work a caller adds to each of the intake's transactions, committed atomically with the batch's
 * orders: the hourly walk moves its cursor and its gaps here, so that they never pass an order that
 * is not committed.
 */
@FunctionalInterface
public interface BatchFollowUp {

    /** Nothing beyond the orders (a single delivered order, say). */
    BatchFollowUp NONE = slot -> {};

    /** Runs inside the transaction of {@code slot}, after its orders are written. */
    void within(BatchSlot slot);
}
