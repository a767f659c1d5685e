package dz.libertaphonix.scheduler.api.schedules;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /jobs/{job}/missed}: the fire times of the job's schedule in {@code [from, to)} that had no
 * run (or only skipped ones), oldest first.
 *
 * @param job the job's id
 * @param from the range's start, UTC
 * @param to the range's end, UTC (fires within the tolerance before now are not missed yet)
 * @param missed each missed fire
 */
public record MissedFiresView(String job, OffsetDateTime from, OffsetDateTime to, List<MissedFire> missed) {

    /** @param fireTime the fire time, UTC */
    public record MissedFire(OffsetDateTime fireTime) {}
}
