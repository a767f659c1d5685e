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
 * @param trigger {@code MANUAL}, or {@code DRY_RUN} for {@code ?dryRun=true}
 */
public record TriggerView(UUID runId, String job, String name, String status, String runUrl, String trigger) {

    /** A MANUAL run. */
    public TriggerView(UUID runId, String job, String name, String status, String runUrl) {
        this(runId, job, name, status, runUrl, "MANUAL");
    }
}
