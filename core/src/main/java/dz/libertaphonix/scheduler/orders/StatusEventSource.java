package dz.libertaphonix.scheduler.orders;

/** Where a status change came from. */
public enum StatusEventSource {
    IMPORT,
    ASSIGNMENT,
    SHIPPING_SYNC,
    WEBHOOK,
    ADMIN
}
