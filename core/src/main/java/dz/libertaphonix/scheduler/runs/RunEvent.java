package dz.libertaphonix.scheduler.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Published when a run ends: {@code SyncCompleted} (SUCCEEDED or PARTIAL), {@code SyncFailed} (FAILED,
 * or ABANDONED when a dead run is found) or {@code SyncSkipped}. Alerts, webhooks and the dashboard
 * subscribe to these.
 */
public record RunEvent(
        Type type,
        JobId job,
        UUID runId,
        JobRunStatus status,
        RunTrigger trigger,
        String actor,
        int attempt,
        String skipReason,
        Map<String, Long> counts,
        Instant startedAt,
        Instant endedAt,
        long durationMs,
        String error) {

    public enum Type {
        SYNC_COMPLETED("SyncCompleted"),
        SYNC_FAILED("SyncFailed"),
        SYNC_SKIPPED("SyncSkipped");

        private final String detailType;

        Type(String detailType) {
            this.detailType = detailType;
        }

        /** The EventBridge {@code detail-type}. */
        public String detailType() {
            return detailType;
        }

        static Type of(JobRunStatus status) {
            return switch (status) {
                case SUCCEEDED, PARTIAL -> SYNC_COMPLETED;
                case SKIPPED -> SYNC_SKIPPED;
                case FAILED, ABANDONED -> SYNC_FAILED;
                case RUNNING -> throw new IllegalArgumentException("a running run has not ended");
            };
        }
    }

    public static RunEvent of(JobRun run) {
        Instant end = run.endedAt == null ? run.startedAt : run.endedAt;
        return new RunEvent(
                Type.of(run.status),
                run.jobId,
                run.id,
                run.status,
                run.trigger,
                run.actor,
                run.attempt,
                run.skipReason,
                run.counts == null ? Map.of() : Map.copyOf(run.counts),
                run.startedAt,
                end,
                Duration.between(run.startedAt, end).toMillis(),
                ErrorSummary.oneLine(run.error));
    }

    /** The event's {@code detail}: stable field names, the job by its id ({@code ecomanager-sync}). */
    public Map<String, Object> detail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("job", job.id());
        detail.put("runId", runId.toString());
        detail.put("status", status.name());
        detail.put("trigger", trigger.name());
        detail.put("actor", actor);
        detail.put("attempt", attempt);
        detail.put("skipReason", skipReason);
        detail.put("counts", counts);
        detail.put("startedAt", startedAt.toString());
        detail.put("endedAt", endedAt.toString());
        detail.put("durationMs", durationMs);
        detail.put("error", error);
        return detail;
    }
}
