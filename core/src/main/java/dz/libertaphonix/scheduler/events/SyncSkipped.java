package dz.libertaphonix.scheduler.events;

import dz.libertaphonix.scheduler.runs.JobRunStatus;

/** A run was SKIPPED: not executed, a duplicate delivery or another run of the job in progress. */
public record SyncSkipped(RunOutcome run) implements RunEvent {

    public static final String DETAIL_TYPE = "SyncSkipped";

    public SyncSkipped {
        if (run.status() != JobRunStatus.SKIPPED) {
            throw new IllegalArgumentException(DETAIL_TYPE + " is not the event of a " + run.status() + " run");
        }
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
