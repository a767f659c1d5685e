package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.importing.intake.IntakeTally;
import dz.libertaphonix.scheduler.stores.Store;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of one store's import while it runs: the walk's here, the intake's in {@link #intake};
 * frozen into a {@link StoreImportResult} at the end.
 */
final class StoreTally {

    final long storeId;
    final String store;
    final IntakeTally intake;
    StoreImportStatus status = StoreImportStatus.SUCCEEDED;
    String error;
    long fetched;
    long skipped;
    long requests;
    long pages;
    long cursorBefore;
    long cursorAfter;
    int gapsOpen;
    final Map<String, Long> unknownStates = new TreeMap<>();

    StoreTally(Store store, int quarantineDetailLimit) {
        this.storeId = store.id;
        this.store = store.identifier;
        this.intake = new IntakeTally(quarantineDetailLimit);
        this.cursorBefore = store.importCursor;
        this.cursorAfter = store.importCursor;
    }

    /** Stopped early with its work kept; a failure already recorded is not downgraded. */
    void partial(String reason) {
        if (status == StoreImportStatus.SUCCEEDED) {
            status = StoreImportStatus.PARTIAL;
            error = reason;
        }
    }

    void failed(StoreImportStatus failure, String reason) {
        status = failure;
        error = reason;
    }

    StoreImportResult result(long durationMillis) {
        return new StoreImportResult(
                storeId,
                store,
                status,
                fetched,
                intake.imported(),
                intake.lateFound(),
                intake.duplicates(),
                skipped,
                intake.quarantined(),
                intake.assigned(),
                intake.unassigned(),
                requests,
                pages,
                cursorBefore,
                cursorAfter,
                gapsOpen,
                durationMillis,
                Map.copyOf(unknownStates),
                intake.quarantine(),
                error);
    }
}
