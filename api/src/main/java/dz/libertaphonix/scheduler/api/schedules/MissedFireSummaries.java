package dz.libertaphonix.scheduler.api.schedules;

import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.missed.MissedRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Each job's missed fires in short ({@code missedFires24h}, {@code lastMissedFire}) for the status and
 * the job listing, read from the ledger at most once per {@code scheduler.missed.status-cache-ttl}: the
 * status is polled and otherwise answers from memory and Redis. While PostgreSQL cannot be read, the
 * last figures are kept (none yet: 0 and null), so the status still answers.
 */
@ApplicationScoped
public class MissedFireSummaries {

    private static final Logger LOG = Logger.getLogger(MissedFireSummaries.class);
    private static final MissedRuns.Summary UNKNOWN = new MissedRuns.Summary(0, null);

    private record Cached(MissedRuns.Summary summary, long readAtNanos) {}

    private final MissedRuns missedRuns;
    private final Map<JobId, Cached> cache = new ConcurrentHashMap<>();

    public MissedFireSummaries(MissedRuns missedRuns) {
        this.missedRuns = missedRuns;
    }

    public MissedRuns.Summary of(JobId job) {
        long now = System.nanoTime();
        Cached cached = cache.get(job);
        long ttl = missedRuns.config().statusCacheTtl().toNanos();
        if (cached != null && now - cached.readAtNanos() < ttl) {
            return cached.summary();
        }
        try {
            MissedRuns.Summary summary = missedRuns.summary(job);
            cache.put(job, new Cached(summary, now));
            return summary;
        } catch (RuntimeException e) {
            LOG.warnf("missed fires of %s not read: %s", job, ErrorSummary.oneLine(e));
            return cached == null ? UNKNOWN : cached.summary();
        }
    }
}
