package dz.libertaphonix.scheduler.importing.webhook;

/** What became of an accepted EcoManager delivery; the {@code status} of its {@code inbound_events} row. */
public enum DeliveryOutcome {
    /** An {@code En dispatch} order new to us: imported and handed to the assignment. */
    IMPORTED,
    /** An {@code En dispatch} order we already have (a re-delivery, or the poll was first). */
    DUPLICATE,
    /** An order we have, in another state: its EcoManager state mirrored, nothing else changed. */
    UPDATED,
    /** Older than a version already received: nothing changed. */
    STALE,
    /** Recorded only: an order we do not have and need not import, or a deletion. */
    RECORDED,
    /** The store is inactive: recorded, nothing imported. */
    IGNORED,
    /** An {@code En dispatch} order that cannot be imported as it is: quarantined, body kept. */
    QUARANTINED,
    /** An event we do not know: body kept. */
    UNKNOWN_EVENT,
    /** Not JSON, or no order with a readable id: body kept. */
    MALFORMED;

    /** The body is kept for someone to look at. */
    boolean keepsBody() {
        return this == QUARANTINED || this == UNKNOWN_EVENT || this == MALFORMED;
    }
}
