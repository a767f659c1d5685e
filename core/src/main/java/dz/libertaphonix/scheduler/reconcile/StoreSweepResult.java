package dz.libertaphonix.scheduler.reconcile;

import dz.libertaphonix.scheduler.importing.intake.QuarantineNote;
import java.time.Instant;
import java.util.List;

/**
 * One store's part of an {@code ecomanager-reconcile} run, as written to the run ledger.
 *
 * @param end why it stopped reading; {@code complete} says whether the whole window was checked
 * @param windowStart orders created before this instant were not checked
 * @param checkedBackTo {@code created_at} of the oldest order checked, null when none was
 * @param scanned orders checked (inside the window)
 * @param deepest depth of the last order checked (1 = the newest)
 * @param requests HTTP requests sent to EcoManager, retries included
 * @param cursor the hourly import's cursor when the sweep started (the sweep leaves it alone)
 * @param missing {@code En dispatch} orders at or below the cursor that the database did not have
 * @param imported of {@code missing}, orders inserted by the sweep
 * @param quarantined orders the intake kept out (malformed), id-less {@code En dispatch} orders included
 * @param assigned orders the sweep inserted that found an agent
 * @param unassigned orders the sweep inserted that found no agent with capacity left
 * @param leftToImport missing {@code En dispatch} orders above the cursor or in an open gap: the hourly
 *     import reads those itself, the sweep leaves them to it
 * @param withoutId {@code En dispatch} orders without an id (quarantined: they cannot be matched)
 * @param found the missing orders by id and depth (the first {@code scheduler.reconcile.found-detail-limit})
 * @param quarantine the first quarantined orders, by id and reason
 * @param error why it stopped early or failed, on one line, or null
 */
public record StoreSweepResult(
        long storeId,
        String store,
        StoreSweepStatus status,
        SweepEnd end,
        boolean complete,
        Instant windowStart,
        Instant checkedBackTo,
        long scanned,
        long deepest,
        long requests,
        long pages,
        long cursor,
        long missing,
        long imported,
        long quarantined,
        long assigned,
        long unassigned,
        long leftToImport,
        long withoutId,
        List<FoundOrder> found,
        List<QuarantineNote> quarantine,
        String error,
        long durationMillis) {}
