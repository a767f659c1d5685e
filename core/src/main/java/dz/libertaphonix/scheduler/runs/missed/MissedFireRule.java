package dz.libertaphonix.scheduler.runs.missed;

import dz.libertaphonix.scheduler.schedule.CronSchedules;
import dz.libertaphonix.scheduler.schedule.InvalidCronException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fire times of a schedule had no run: each enabled stretch of the schedule's history gives its
 * fire times; a fire is covered by a run (other than SKIPPED or a dry run) that the schedule fired for
 * it (its scheduled time) or that started from {@code early} before it to {@code tolerance} after it.
 * A disabled stretch has no fires, so none missed.
 */
final class MissedFireRule {

    /** Bounds one evaluation: a cron firing every minute for 31 days stays below it. */
    static final int MAX_FIRES = 50_000;

    /**
     * A run as the rule sees it.
     *
     * @param scheduledAt the fire it was started for, if a schedule started it
     */
    record RunStart(Instant startedAt, Instant scheduledAt) {}

    /**
     * @param fires every fire time of the range, in order
     * @param missed those with no run, in order
     */
    record Evaluation(List<Instant> fires, List<Instant> missed) {}

    private MissedFireRule() {}

    static Evaluation evaluate(
            List<ScheduleSegment> segments,
            List<RunStart> runs,
            Instant from,
            Instant until,
            Duration early,
            Duration tolerance) {
        List<Instant> fires = new ArrayList<>();
        for (ScheduleSegment segment : segments) {
            Instant start = later(from, segment.from());
            Instant end = segment.until() == null ? until : earlier(until, segment.until());
            if (!segment.enabled() || !start.isBefore(end)) {
                continue;
            }
            try {
                fires.addAll(CronSchedules.fireTimesBetween(
                        segment.cron(), segment.zone(), start, end, MAX_FIRES - fires.size()));
            } catch (InvalidCronException e) {
                // a row the application would not write today: it fired nothing we can tell
            }
        }
        List<Instant> missed = new ArrayList<>();
        for (Instant fire : fires) {
            if (runs.stream().noneMatch(run -> covers(run, fire, early, tolerance))) {
                missed.add(fire);
            }
        }
        return new Evaluation(fires, missed);
    }

    private static boolean covers(RunStart run, Instant fire, Duration early, Duration tolerance) {
        if (fire.equals(run.scheduledAt())) {
            return true;
        }
        return !run.startedAt().isBefore(fire.minus(early)) && !run.startedAt().isAfter(fire.plus(tolerance));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
