package dz.libertaphonix.scheduler.api.schedules;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A job's schedule for {@code GET /jobs} and the answer to a schedule change.
 *
 * @param job the id ({@code ecomanager-sync})
 * @param name the legacy name ({@code ecomanager_sync})
 * @param displayName the job in words, in English
 * @param cron Quartz expression, read in {@code timeZone}
 * @param description the cron in words
 * @param eventBridgeExpression the same schedule as a UTC EventBridge rule expression
 * @param nextFireTimes the next fire times; none while the schedule is disabled, except in the answer to a
 *     cron change, which previews them
 * @param catchUp what the job does about a missed fire: {@code NEXT_RUN}, {@code ONCE_NOW} or {@code
 *     ONCE_PER_MISSED_NIGHT} (docs/jobs/)
 * @param missedFires24h fires of its schedule in the last 24 hours with no run ({@code GET /jobs/{job}/missed})
 * @param lastMissedFire the last such fire in the last 7 days, UTC, or null
 */
public record JobView(
        String job,
        String name,
        String displayName,
        boolean enabled,
        String cron,
        String timeZone,
        String description,
        String eventBridgeExpression,
        OffsetDateTime changedAt,
        String changedBy,
        List<FireTime> nextFireTimes,
        String catchUp,
        int missedFires24h,
        OffsetDateTime lastMissedFire) {

    /** One fire time, in Algiers time and in UTC. */
    public record FireTime(OffsetDateTime algiers, OffsetDateTime utc) {}
}
