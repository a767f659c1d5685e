package dz.libertaphonix.scheduler.runs.live;

import dz.libertaphonix.scheduler.runs.JobRunStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A run's end as the live state recorded it: what its holder reported, ledger or not. */
public record EndedRun(UUID runId, Instant endedAt, JobRunStatus status, Map<String, Long> counts, String error) {}
