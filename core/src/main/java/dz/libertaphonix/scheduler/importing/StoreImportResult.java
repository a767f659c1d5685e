package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.importing.intake.QuarantineNote;
import java.util.List;
import java.util.Map;

/**
 * One store's part of an import run, as written to the run ledger and the activity log.
 *
 * @param fetched orders read from EcoManager pages
 * @param imported new orders committed
 * @param lateFound of {@code imported}, orders at or below the cursor found by the re-scan window
 *     (they reached {@code En dispatch} after higher ids existed)
 * @param duplicates {@code En dispatch} orders above the cursor that were already stored
 * @param skipped orders in another state than {@code En dispatch}
 * @param quarantined orders that could not be imported (see {@code quarantine} for the first ones)
 * @param assigned imported orders given to an agent in this run
 * @param unassigned imported orders that found no agent with capacity left
 * @param requests HTTP requests sent to EcoManager, retries included
 * @param pages pages read
 * @param gapsOpen stretches of the order list still to be read by later runs
 * @param unknownStates order states EcoManager sent that this system does not know, with counts
 * @param error what stopped the store, in one line, or null
 */
public record StoreImportResult(
        long storeId,
        String store,
        StoreImportStatus status,
        long fetched,
        long imported,
        long lateFound,
        long duplicates,
        long skipped,
        long quarantined,
        long assigned,
        long unassigned,
        long requests,
        long pages,
        long cursorBefore,
        long cursorAfter,
        int gapsOpen,
        long durationMillis,
        Map<String, Long> unknownStates,
        List<QuarantineNote> quarantine,
        String error) {}
