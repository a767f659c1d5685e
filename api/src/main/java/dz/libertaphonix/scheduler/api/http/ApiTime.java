package dz.libertaphonix.scheduler.api.http;

import dz.libertaphonix.scheduler.common.Algiers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Every timestamp the admin API writes is ISO-8601 with an offset, in Algiers time unless said UTC. */
public final class ApiTime {

    private ApiTime() {}

    public static OffsetDateTime algiers(Instant instant) {
        return instant == null ? null : instant.atZone(Algiers.ZONE).toOffsetDateTime();
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
