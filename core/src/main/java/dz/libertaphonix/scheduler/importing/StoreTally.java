package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.stores.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counters of one store's import while it runs; frozen into a {@link StoreImportResult} at the end. */
final class StoreTally {

    final long storeId;
    final String store;
    StoreImportStatus status = StoreImportStatus.SUCCEEDED;
    String error;
    long fetched;
    long imported;
    long lateFound;
    long duplicates;
    long skipped;
    long quarantined;
    long assigned;
    long unassigned;
    long requests;
    long pages;
    long cursorBefore;
    long cursorAfter;
    int gapsOpen;
    final Map<String, Long> unknownStates = new TreeMap<>();
    final List<StoreImportResult.QuarantineNote> quarantine = new ArrayList<>();

    StoreTally(Store store) {
        this.storeId = store.id;
        this.store = store.identifier;
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
                imported,
                lateFound,
                duplicates,
                skipped,
                quarantined,
                assigned,
                unassigned,
                requests,
                pages,
                cursorBefore,
                cursorAfter,
                gapsOpen,
                durationMillis,
                Map.copyOf(unknownStates),
                List.copyOf(quarantine),
                error);
    }
}
