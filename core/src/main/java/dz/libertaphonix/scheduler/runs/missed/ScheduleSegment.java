package dz.libertaphonix.scheduler.runs.missed;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A stretch of time during which a job's schedule was one cron, in one zone, enabled or not: a row of
 * {@code schedule_history} up to the job's next one.
 *
 * @param until the next change, null for the schedule in force
 */
record ScheduleSegment(String cron, ZoneId zone, boolean enabled, Instant from, Instant until) {}
