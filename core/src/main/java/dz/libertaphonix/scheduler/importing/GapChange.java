package dz.libertaphonix.scheduler.importing;

/** What a committing transaction does to a store's unread stretches, atomically with its orders. */
sealed interface GapChange {

    /** A walk stopped at its page budget above the cursor: record what it left unread. */
    record Open(long aboveId, long belowId, String resumeCursor, int pagesRead) implements GapChange {}

    /** Part of a gap was read: it now ends lower and resumes from a new cursor. */
    record Shrink(long gapId, long belowId, String resumeCursor, int pagesRead) implements GapChange {}

    /** The whole gap was read. */
    record Close(long gapId) implements GapChange {}
}
