package dz.libertaphonix.scheduler.reconcile;

import java.time.Instant;

/**
 * An {@code En dispatch} order the sweep found missing from the database.
 *
 * @param ecomanagerId its EcoManager id
 * @param depth its place in the store's order list, newest first (1 = the newest order)
 * @param createdAt its {@code created_at}, null when unreadable
 * @param imported it is in the database once the sweep is done (false: quarantined, or left for the
 *     next sweep when the deadline came first)
 */
public record FoundOrder(long ecomanagerId, long depth, Instant createdAt, boolean imported) {}
