package dz.libertaphonix.scheduler.api.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /status}: the order system's original contract ({@code status} … {@code lastSyncs}),
 * plus the per-job detail in {@code jobs}.
 *
 * @param status {@code running} (every schedule enabled), {@code stopped} (none) or {@code partial}
 * @param isRunning the scheduler is running: at least one schedule is enabled
 * @param startedAt the last change of a schedule that is enabled now
 * @param stoppedAt the last change of a schedule that is disabled now
 * @param activeJobs legacy names of the enabled jobs
 */
public record StatusView(
        String status,
        boolean isRunning,
        OffsetDateTime startedAt,
        OffsetDateTime stoppedAt,
        List<String> activeJobs,
        LastSyncs lastSyncs,
        List<JobStatus> jobs) {

    public record LastSyncs(SyncInfo ecomanager, SyncInfo shippingStatus, CleanupInfo cleanup) {}

    /** The last run of a sync job that executed (skipped runs do not count). */
    public record SyncInfo(
            OffsetDateTime lastStart, OffsetDateTime lastEnd, LastResults lastResults, String lastError) {}

    public record CleanupInfo(OffsetDateTime lastRun, String lastError) {}

    public record LastResults(String status, Map<String, Long> counts) {}

    /** One job in detail. */
    public record JobStatus(
            String job,
            String name,
            boolean enabled,
            String cron,
            String timeZone,
            OffsetDateTime nextFireTime,
            boolean running,
            CurrentRun currentRun,
            String lastStatus) {}

    public record CurrentRun(
            UUID runId, String trigger, String actor, OffsetDateTime startedAt, Map<String, ProgressView> progress) {}

    public record ProgressView(long done, long total) {}
}
