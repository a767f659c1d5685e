package dz.libertaphonix.scheduler.common;

import java.time.ZoneId;

/** Algeria's civil time: UTC+1 all year, no daylight saving. Schedules and "today" are read in it. */
public final class Algiers {

    public static final ZoneId ZONE = ZoneId.of("Africa/Algiers");

    private Algiers() {}
}
