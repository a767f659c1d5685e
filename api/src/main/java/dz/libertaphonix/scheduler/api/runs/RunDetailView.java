package dz.libertaphonix.scheduler.api.runs;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import java.time.OffsetDateTime;

/**
 * One run in full: the history row plus its per-store / per-account results as the job reported
 * them, the EventBridge event that fired it, its deadline and last heartbeat.
 */
public record RunDetailView(
        @JsonUnwrapped RunView run,
        Object results,
        String eventId,
        OffsetDateTime deadlineAt,
        OffsetDateTime heartbeatAt) {

    static RunDetailView of(JobRun run, JobCatalog catalog) {
        return new RunDetailView(
                RunView.of(run, catalog),
                run.results,
                run.eventId,
                ApiTime.algiers(run.deadlineAt),
                ApiTime.algiers(run.heartbeatAt));
    }
}
