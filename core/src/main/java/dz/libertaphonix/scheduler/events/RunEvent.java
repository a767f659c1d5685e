package dz.libertaphonix.scheduler.events;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A run ended: {@link SyncCompleted} (SUCCEEDED or PARTIAL), {@link SyncFailed} (FAILED, or ABANDONED
 * when a dead run is found) or {@link SyncSkipped}. Published by the job runtime, as EventBridge
 * events in AWS (the record's {@link #detailType()}, with {@link #run()} as the detail) and as CDI
 * events in-process ({@code @Observes RunEvent}, or one kind).
 */
public sealed interface RunEvent extends SchedulerEvent permits SyncCompleted, SyncFailed, SyncSkipped {

    /** How the run ended: the event's detail. */
    RunOutcome run();

    /** The EventBridge {@code detail-type}. */
    @Override
    String detailType();

    @Override
    default Object detail() {
        return run();
    }

    @Override
    default Instant time() {
        return run().endedAt();
    }

    default JobId job() {
        return run().job();
    }

    default UUID runId() {
        return run().runId();
    }

    default JobRunStatus status() {
        return run().status();
    }

    /** The event an ended run makes: its kind follows from its status. */
    static RunEvent of(RunOutcome run) {
        return switch (run.status()) {
            case SUCCEEDED, PARTIAL -> new SyncCompleted(run);
            case FAILED, ABANDONED -> new SyncFailed(run);
            case SKIPPED -> new SyncSkipped(run);
            case RUNNING -> throw new IllegalArgumentException("a running run has not ended");
        };
    }

    /** The event of an EventBridge detail-type, or null when it is not a run event's. */
    static RunEvent of(String detailType, RunOutcome run) {
        return switch (detailType) {
            case SyncCompleted.DETAIL_TYPE -> new SyncCompleted(run);
            case SyncFailed.DETAIL_TYPE -> new SyncFailed(run);
            case SyncSkipped.DETAIL_TYPE -> new SyncSkipped(run);
            default -> null;
        };
    }
}
