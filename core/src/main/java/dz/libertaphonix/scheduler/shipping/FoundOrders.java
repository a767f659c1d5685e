package dz.libertaphonix.scheduler.shipping;

import java.util.BitSet;

/**
 * The open orders a run has already matched to a parcel: one bit per order id of the run's id range,
 * about 12 KB per 100,000 ids. A parcel for an order already found (an older duplicate on a later
 * page, or the same parcel seen twice because new parcels shifted the pages) is skipped.
 */
final class FoundOrders {

    private final long minId;
    private final long maxId;
    private final BitSet bits;
    private long count;

    FoundOrders(long minId, long maxId) {
        this.minId = minId;
        this.maxId = maxId;
        this.bits = new BitSet((int) Math.max(0, Math.min(Integer.MAX_VALUE, maxId - minId + 1)));
    }

    /** Marks the order found; false when it was already, or is outside the run's range. */
    boolean add(long orderId) {
        if (orderId < minId || orderId > maxId) {
            return false;
        }
        int index = (int) (orderId - minId);
        if (bits.get(index)) {
            return false;
        }
        bits.set(index);
        count++;
        return true;
    }

    boolean contains(long orderId) {
        return orderId >= minId && orderId <= maxId && bits.get((int) (orderId - minId));
    }

    long count() {
        return count;
    }
}
