package dz.libertaphonix.scheduler.runs.live;

import dz.libertaphonix.scheduler.runs.JobId;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where the live state lives in Redis, and how a failed Redis call is told:
 *
 * <ul>
 *   <li>{@code scheduler:state:<job>} — a hash: the run in progress ({@code current.*}) and the last
 *       run that executed ({@code last.*}: id, trigger, start, end, status, counts, error summary as
 *       JSON, and how each store or account ended as JSON). TTL {@code state-ttl}, renewed on every
 *       write.
 *   <li>{@code scheduler:run:<runId>} — a hash with the running run's progress. TTL = the lock TTL,
 *       renewed by the heartbeat, deleted when the run ends: a dead run's progress vanishes with its
 *       lock.
 * </ul>
 */
public final class LiveStateRedis {

    static final String STATE_PREFIX = "scheduler:state:";
    static final String RUN_PREFIX = "scheduler:run:";
    static final String CURRENT_RUN_ID = "current.runId";
    static final String PROGRESS = "progress.";

    private LiveStateRedis() {}

    public static String stateKey(JobId job) {
        return STATE_PREFIX + job.id();
    }

    public static String runKey(UUID runId) {
        return RUN_PREFIX + runId;
    }

    /** Runs a Redis command; any failure is the live state being unavailable, named with what was being done. */
    static <T> T call(String doing, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            throw new RunStateUnavailableException(doing, e);
        }
    }
}
