package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.importing.intake.BatchSlot;

/**
 * Where a walk's committed batches leave the store's import: the main walk moves the cursor with
 * each batch (to the batch's highest id, to the walk's top once everything is in) and records the
 * gap it left in its first transaction; a gap's walk leaves the cursor alone and shrinks or closes
 * the gap in its last transaction.
 *
 * @param seenUpTo the cursor (main walk) or the gap's lower end: ids at or below it were read before
 * @param finalCursor where the cursor goes once everything is committed, null to leave it
 * @param openFirst gap change of the first transaction, before the cursor passes it
 * @param applyLast gap change of the last transaction, once everything is committed
 */
record ImportPosition(long storeId, long seenUpTo, Long finalCursor, GapChange openFirst, GapChange applyLast) {

    static ImportPosition mainWalk(long storeId, long cursor, long finalCursor, GapChange.Open opened) {
        return new ImportPosition(storeId, cursor, finalCursor, opened, null);
    }

    static ImportPosition gapWalk(long storeId, long aboveId, GapChange change) {
        return new ImportPosition(storeId, aboveId, null, null, change);
    }

    /** Where the cursor may move once the slot's transaction commits, null to leave it. */
    Long cursorAfter(BatchSlot slot) {
        if (finalCursor == null) {
            return null;
        }
        return slot.last() ? finalCursor : Math.max(seenUpTo, slot.highestId());
    }

    /** The gap change of the slot's transaction, or null. */
    GapChange gapChange(BatchSlot slot) {
        if (slot.first() && openFirst != null) {
            return openFirst;
        }
        return slot.last() ? applyLast : null;
    }
}
