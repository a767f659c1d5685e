package dz.libertaphonix.scheduler.importing.intake;

import java.time.Instant;
import java.util.Map;

/**
 * Where one committing transaction stands in an intake.
 *
 * @param first the intake's first transaction
 * @param last the intake's last transaction (an intake with nothing to insert has one, both first and last)
 * @param highestId the highest EcoManager id of the batch, null when there was nothing to insert
 * @param inserted the orders this transaction inserted: EcoManager id to order id (a dry run's: none)
 * @param at the time the transaction writes on its rows
 */
public record BatchSlot(boolean first, boolean last, Long highestId, Map<Long, Long> inserted, Instant at) {}
