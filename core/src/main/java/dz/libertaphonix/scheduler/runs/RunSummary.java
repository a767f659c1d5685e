package dz.libertaphonix.scheduler.runs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** How one run ended (or that it was skipped): what a function returns and an event carries. */
public record RunSummary(
        UUID runId,
        JobId job,
        RunTrigger trigger,
        JobRunStatus status,
        String skipReason,
        Map<String, Long> counts,
        Instant startedAt,
        Instant endedAt,
        Map<String, String> error) {}
