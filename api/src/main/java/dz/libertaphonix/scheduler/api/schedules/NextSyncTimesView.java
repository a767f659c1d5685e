package dz.libertaphonix.scheduler.api.schedules;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /next-sync-times}: the original contract's three times (a disabled job's time is null),
 * and every job's in {@code jobs}.
 *
 * @param jobs every job of the catalogue, in its order
 */
public record NextSyncTimesView(
        OffsetDateTime nextEcoManagerSync,
        OffsetDateTime nextShippingStatusSync,
        OffsetDateTime nextDailyCleanup,
        OffsetDateTime currentTime,
        List<JobNextTime> jobs) {

    /**
     * One job's next run.
     *
     * @param job the id ({@code ecomanager-sync})
     * @param name the legacy name ({@code ecomanager_sync})
     * @param nextFireTime null while the schedule is disabled
     */
    public record JobNextTime(String job, String name, boolean enabled, OffsetDateTime nextFireTime) {}
}
