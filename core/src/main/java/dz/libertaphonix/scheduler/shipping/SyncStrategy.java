package dz.libertaphonix.scheduler.shipping;

/** How one account's parcels are fetched in a run. */
public enum SyncStrategy {
    /** Choose per account: look up when that costs fewer requests than paging would. */
    AUTO,
    /** Walk the parcel list newest first, several pages in flight. */
    PAGING,
    /** Ask for each open order's parcel by its reference. */
    LOOKUP
}
