package dz.libertaphonix.scheduler.cleanup;

import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.ledger.RunRecorder;
import dz.libertaphonix.scheduler.runs.live.LiveStateReader;
import dz.libertaphonix.scheduler.runs.live.LiveStateWriter;
import dz.libertaphonix.scheduler.runs.lock.LockHolder;
import dz.libertaphonix.scheduler.runs.lock.RunLock;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.KeyScanCursor;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Removes the scheduler's Redis keys that should not be there: any {@code scheduler:*} key without a
 * TTL (every key the scheduler writes has one), and the run keys, locks and current-run pointers of
 * runs the ledger says are over. Walks the keyspace with SCAN, never KEYS, so Redis never blocks.
 */
@ApplicationScoped
public class RedisKeySweeper {

    private static final Logger LOG = Logger.getLogger(RedisKeySweeper.class);
    private static final String NAMESPACE = "scheduler:";

    private final RedisDataSource redis;
    private final RunRecorder ledger;
    private final RunLock locks;
    private final LiveStateWriter state;
    private final LiveStateReader liveState;
    private final JobCatalog catalog;

    public RedisKeySweeper(
            RedisDataSource redis,
            RunRecorder ledger,
            RunLock locks,
            LiveStateWriter state,
            LiveStateReader liveState,
            JobCatalog catalog) {
        this.redis = redis;
        this.ledger = ledger;
        this.locks = locks;
        this.state = state;
        this.liveState = liveState;
        this.catalog = catalog;
    }

    public List<CleanupReport.KeySweep> sweep(int scanCount, JobContext context) {
        Map<String, long[]> byPattern = new TreeMap<>();
        KeyScanCursor<String> cursor =
                redis.key().scan(new KeyScanArgs().match(NAMESPACE + "*").count(scanCount));
        while (cursor.hasNext() && !context.deadlineReached()) {
            for (String key : cursor.next()) {
                long[] counts = byPattern.computeIfAbsent(pattern(key), p -> new long[2]);
                Outcome outcome = inspect(key, context.dryRun());
                if (outcome != Outcome.KEPT && context.dryRun()) {
                    context.wouldDo()
                            .would(outcome == Outcome.NO_TTL ? "redis.delete.no-ttl" : "redis.delete.orphaned", key);
                }
                if (outcome == Outcome.NO_TTL) {
                    counts[0]++;
                } else if (outcome == Outcome.ORPHANED) {
                    counts[1]++;
                }
            }
        }
        List<CleanupReport.KeySweep> report = new ArrayList<>();
        byPattern.forEach((pattern, counts) -> report.add(new CleanupReport.KeySweep(pattern, counts[0], counts[1])));
        return report;
    }

    private enum Outcome {
        KEPT,
        NO_TTL,
        ORPHANED
    }

    /** What the sweep does to a key; with {@code dryRun}, what it would do, leaving the key as it is. */
    private Outcome inspect(String key, boolean dryRun) {
        long ttl;
        try {
            ttl = redis.key().pttl(key);
        } catch (RedisKeyNotFoundException gone) {
            return Outcome.KEPT;
        }
        if (ttl == -1) {
            if (dryRun) {
                return Outcome.NO_TTL;
            }
            redis.key().del(key);
            LOG.infof("deleted %s: it had no TTL", key);
            return Outcome.NO_TTL;
        }
        String[] parts = key.split(":", 3);
        if (parts.length < 3) {
            return Outcome.KEPT;
        }
        return switch (parts[1]) {
            case "lock" -> sweepLock(key, parts[2], dryRun);
            case "run" -> sweepRun(key, parts[2], dryRun);
            case "state" -> sweepState(key, parts[2], dryRun);
            default -> Outcome.KEPT;
        };
    }

    /** A lock whose holder's run has ended (its release was lost), or the lock of an unknown job. */
    private Outcome sweepLock(String key, String job, boolean dryRun) {
        Response value = redis.execute("GET", key);
        if (value == null) {
            return Outcome.KEPT;
        }
        String token = value.toString();
        boolean orphaned = known(job).isEmpty() || holderRunEnded(token);
        if (orphaned && dryRun) {
            return Outcome.ORPHANED;
        }
        if (orphaned && locks.deleteIfHeldBy(key, token)) {
            LOG.infof("deleted %s: its run is over", key);
            return Outcome.ORPHANED;
        }
        return Outcome.KEPT;
    }

    /** A running run's progress key whose run has ended or is not in the ledger. */
    private Outcome sweepRun(String key, String id, boolean dryRun) {
        Optional<UUID> runId = uuid(id);
        boolean orphaned = runId.isEmpty()
                || ledger.find(runId.get()).map(run -> run.status.finished()).orElse(true);
        if (orphaned && dryRun) {
            return Outcome.ORPHANED;
        }
        if (orphaned && redis.key().del(key) > 0) {
            LOG.infof("deleted %s: its run is over", key);
            return Outcome.ORPHANED;
        }
        return Outcome.KEPT;
    }

    /** A job's state whose current-run pointer names a run that has ended; or an unknown job's state. */
    private Outcome sweepState(String key, String job, boolean dryRun) {
        Optional<JobId> jobId = known(job);
        if (jobId.isEmpty()) {
            if (dryRun) {
                return Outcome.ORPHANED;
            }
            redis.key().del(key);
            return Outcome.ORPHANED;
        }
        UUID current = liveState.currentRunId(jobId.get());
        boolean over = current != null
                && ledger.find(current).map(run -> run.status.finished()).orElse(true);
        if (over && dryRun) {
            return Outcome.ORPHANED;
        }
        if (over && state.clearCurrentIf(jobId.get(), current)) {
            LOG.infof("cleared the current run %s of %s: it is over", current, jobId.get());
            return Outcome.ORPHANED;
        }
        return Outcome.KEPT;
    }

    /** The job of a key, if the catalogue has it: the keys of a job that is gone are orphans. */
    private Optional<JobId> known(String job) {
        return JobId.parse(job).filter(catalog::contains);
    }

    private boolean holderRunEnded(String token) {
        UUID runId = LockHolder.parse(token).runId();
        if (runId == null) {
            return true;
        }
        // a lock whose run is not in the ledger yet may be a run starting right now: leave it to its TTL
        return ledger.find(runId).map(run -> run.status.finished()).orElse(false);
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code scheduler:lock:*} for {@code scheduler:lock:daily-cleanup}; the key itself when it has no kind. */
    static String pattern(String key) {
        String[] parts = key.split(":", 3);
        return parts.length < 3 ? key : parts[0] + ":" + parts[1] + ":*";
    }
}
