package dz.libertaphonix.scheduler.api.runs;

import java.util.UUID;

/**
 * The answer to a trigger: the run is accepted and will run on its own; follow it at {@code runUrl}.
 *
 * @param runId the run's id, chosen now
 * @param job the job id
 * @param name the job's legacy name
 * @param status {@code accepted}
 * @param runUrl where the run's ledger row will be
 */
public record TriggerView(UUID runId, String job, String name, String status, String runUrl) {}
