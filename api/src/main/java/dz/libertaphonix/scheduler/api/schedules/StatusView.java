package dz.libertaphonix.scheduler.api.schedules;

import com.fasterxml.jackson.annotation.JsonInclude;
import dz.libertaphonix.scheduler.runs.UnitResult;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /status}: the order system's original contract ({@code status} … {@code lastSyncs}),
 * field for field as its admin page reads it, plus the per-job detail in {@code jobs}.
 *
 * @param status {@code running} (every schedule enabled), {@code stopped} (none) or {@code partial}
 * @param isRunning the scheduler is running: at least one schedule is enabled
 * @param startedAt the last change of a schedule that is enabled now
 * @param stoppedAt the last change of a schedule that is disabled now
 * @param activeJobs legacy names of the enabled jobs, in catalogue order
 * @param lastSyncs the last run of each job, in the original shapes
 * @param jobs every job of the catalogue in detail: schedule, run in progress, last run with its counts,
 *     error and units
 */
public record StatusView(
        String status,
        boolean isRunning,
        OffsetDateTime startedAt,
        OffsetDateTime stoppedAt,
        List<String> activeJobs,
        LastSyncs lastSyncs,
        List<JobStatus> jobs) {

    public record LastSyncs(EcoManagerSync ecomanager, ShippingSync shippingStatus, CleanupSync cleanup) {}

    /**
     * The last import run that executed (skipped runs do not count).
     *
     * @param lastResults by store identifier; null while the run is in progress or when it reported no
     *     store (it failed before reaching them)
     */
    public record EcoManagerSync(
            OffsetDateTime lastStart,
            OffsetDateTime lastEnd,
            Map<String, StoreResult> lastResults,
            LastError lastError) {}

    /**
     * One store's part of the last import run.
     *
     * @param success the store did not fail (one that stopped early kept what it imported)
     * @param syncedCount orders imported for the store in that run
     * @param error why it failed; absent when it did not
     */
    public record StoreResult(
            boolean success,
            long syncedCount,
            @JsonInclude(JsonInclude.Include.NON_NULL) String error) {}

    /**
     * The last shipping status run that executed.
     *
     * @param lastResults null while the run is in progress or when it read nothing (no account)
     */
    public record ShippingSync(
            OffsetDateTime lastStart, OffsetDateTime lastEnd, ShippingResults lastResults, LastError lastError) {}

    /**
     * @param updated orders whose shipping state changed and was written
     * @param errors orders the run could not bring up to date: open orders left unchecked (failed pages
     *     or lookups, a refused key, the page cap, the deadline) and changes not written because the
     *     order changed meanwhile
     */
    public record ShippingResults(long updated, long errors) {}

    /** @param lastRun start of the last cleanup run */
    public record CleanupSync(OffsetDateTime lastRun, LastError lastError) {}

    /**
     * What went wrong in a job's last run.
     *
     * @param error what the page shows: the run's error message
     * @param status the run's status ({@code FAILED}, {@code PARTIAL}, {@code ABANDONED})
     * @param timestamp when the run ended
     */
    public record LastError(String error, String status, OffsetDateTime timestamp) {}

    /**
     * One job in detail.
     *
     * @param job the id ({@code ecomanager-sync})
     * @param name the legacy name ({@code ecomanager_sync})
     * @param displayName the job in words, in English
     * @param missedFires24h fires of its schedule in the last 24 hours with no run ({@code GET /jobs/{job}/missed})
     * @param lastMissedFire the last such fire in the last 7 days, UTC, or null
     */
    public record JobStatus(
            String job,
            String name,
            String displayName,
            boolean enabled,
            String cron,
            String timeZone,
            OffsetDateTime nextFireTime,
            boolean running,
            CurrentRun currentRun,
            String lastStatus,
            LastRun lastRun,
            int missedFires24h,
            OffsetDateTime lastMissedFire) {}

    public record CurrentRun(
            UUID runId, String trigger, String actor, OffsetDateTime startedAt, Map<String, ProgressView> progress) {}

    public record ProgressView(long done, long total) {}

    /**
     * The job's last run that executed, as the live state holds it (its full results:
     * {@code GET /runs/{runId}}).
     *
     * @param error {@code class}, {@code message} and {@code where}, or null
     * @param units each store (import) or courier account (shipping) in short, or null
     */
    public record LastRun(
            UUID runId,
            String trigger,
            String status,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            Map<String, Long> counts,
            Map<String, String> error,
            List<UnitResult> units) {}
}
