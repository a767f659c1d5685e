package dz.libertaphonix.scheduler.importing.intake;

import java.time.Instant;

/**
 * Where one committing transaction stands in an intake.
 *
 * @param first the intake's first transaction
 * @param last the intake's last transaction (an intake with nothing to insert has one, both first and last)
 * @param highestId the highest EcoManager id of the batch, null when there was nothing to insert
 * @param at the time the transaction writes on its rows
 */
public record BatchSlot(boolean first, boolean last, Long highestId, Instant at) {}
