package dz.libertaphonix.scheduler.runs;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How one unit of a run's work ended, as the status page shows it without reading the ledger: a store
 * of the import, a courier account of the shipping sync.
 *
 * @param unit the unit's name: a store identifier, a courier account name
 * @param succeeded the unit's part did not fail (it may have stopped early, leaving work to the next run)
 * @param count what the unit's part produced: orders imported (a store), orders changed (an account)
 * @param error why it failed or stopped early, on one line; null when it went through
 */
@RegisterForReflection
public record UnitResult(String unit, boolean succeeded, long count, String error) {}
