package dz.libertaphonix.scheduler.api.testsupport;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobLiveState;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Puts jobs' live state where the status endpoint reads it. */
@ApplicationScoped
public class LiveStates {

    private final InterimLiveState store;

    public LiveStates(InterimLiveState store) {
        this.store = store;
    }

    /** Every job with a last run; the import with a run in progress and its progress. */
    public void populateEveryJob() {
        Instant now = Instant.now();
        store.set(new JobLiveState(
                JobId.ECOMANAGER_SYNC,
                new JobLiveState.CurrentRun(
                        UUID.randomUUID(),
                        RunTrigger.SCHEDULED,
                        "scheduler",
                        now.minusSeconds(20),
                        Map.of("stores", new JobLiveState.Progress(2, 5), "pages", new JobLiveState.Progress(14, 0))),
                now.minusSeconds(3600),
                now.minusSeconds(3500),
                JobRunStatus.SUCCEEDED,
                Map.of("imported", 42L, "assigned", 42L, "quarantined", 1L),
                null));
        store.set(new JobLiveState(
                JobId.SHIPPING_STATUS_SYNC,
                null,
                now.minusSeconds(7200),
                now.minusSeconds(7000),
                JobRunStatus.PARTIAL,
                Map.of("changed", 17L, "delivered", 9L),
                "UpstreamUnavailableException: Maystro answered 503 for account main"));
        store.set(new JobLiveState(
                JobId.DAILY_CLEANUP,
                null,
                now.minusSeconds(30_000),
                now.minusSeconds(29_990),
                JobRunStatus.SUCCEEDED,
                Map.of("activityLogsDeleted", 1200L),
                null));
    }
}
