package dz.libertaphonix.scheduler.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * "Run this job now": the detail of a {@code SyncRequested} event, put on the application's bus by
 * the admin API (or by the missed-run detection, for a catch-up) and delivered by the job's rule to
 * its function, which runs it as a MANUAL run, a DRY_RUN or a CATCH_UP run.
 *
 * @param job the job, by its id ({@code ecomanager-sync}); its rule routes on it
 * @param runId the run's id, chosen by the API so it can answer with it at once
 * @param actor who asked (the admin's email; {@code scheduler} for a catch-up)
 * @param dryRun a dry run ({@code POST /trigger/{job}?dryRun=true}): reads, reports, writes nothing;
 *     absent means false
 * @param catchUp the one catch-up run of a missed fire; absent means false
 */
@RegisterForReflection
public record SyncRequested(
        JobId job,
        UUID runId,
        String actor,
        // left out when false: a MANUAL request keeps the detail the functions of earlier releases read
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean dryRun,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean catchUp) {

    public SyncRequested {
        if (job == null) {
            throw new IllegalArgumentException("a SyncRequested names its job");
        }
        if (dryRun && catchUp) {
            throw new IllegalArgumentException("a SyncRequested is a dry run or a catch-up, not both");
        }
    }

    /** A MANUAL run. */
    public SyncRequested(JobId job, UUID runId, String actor) {
        this(job, runId, actor, false, false);
    }

    /** A request for a run of {@code trigger}: MANUAL, DRY_RUN or CATCH_UP. */
    public static SyncRequested of(JobId job, UUID runId, String actor, RunTrigger trigger) {
        return switch (trigger) {
            case MANUAL -> new SyncRequested(job, runId, actor);
            case DRY_RUN -> new SyncRequested(job, runId, actor, true, false);
            case CATCH_UP -> new SyncRequested(job, runId, actor, false, true);
            default -> throw new IllegalArgumentException("a " + trigger + " run is not requested");
        };
    }

    /** The trigger of the run it asks for. */
    public RunTrigger trigger() {
        return dryRun ? RunTrigger.DRY_RUN : catchUp ? RunTrigger.CATCH_UP : RunTrigger.MANUAL;
    }
}
