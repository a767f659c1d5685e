package dz.libertaphonix.scheduler.api.admin;

import java.time.OffsetDateTime;

/** {@code GET /next-sync-times}, the original contract; a disabled job's time is null. */
public record NextSyncTimesView(
        OffsetDateTime nextEcoManagerSync,
        OffsetDateTime nextShippingStatusSync,
        OffsetDateTime nextDailyCleanup,
        OffsetDateTime currentTime) {}
