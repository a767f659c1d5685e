package dz.libertaphonix.scheduler.runs.lock;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunsConfig;
import dz.libertaphonix.scheduler.runs.live.RunStateUnavailableException;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One run per job, across every process: a Redis key {@code scheduler:lock:<job>} set only if absent,
 * holding an owner token and a TTL. Only the owner renews or releases it (compare-and-… in Lua, so a
 * holder whose lock expired can never delete the next holder's lock); a dead owner's lock expires.
 */
@ApplicationScoped
public class RunLock {

    static final String KEY_PREFIX = "scheduler:lock:";

    private static final String RENEW_IF_OWNER = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              return redis.call('pexpire', KEYS[1], ARGV[2])
            end
            return 0
            """;

    private static final String DELETE_IF_OWNER = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              return redis.call('del', KEYS[1])
            end
            return 0
            """;

    /** KEYS[1] lock; ARGV[1] '<runId>|': deletes the lock only if that run holds it. */
    private static final String DELETE_IF_RUN = """
            local v = redis.call('get', KEYS[1])
            if v and string.sub(v, 1, string.len(ARGV[1])) == ARGV[1] then
              return redis.call('del', KEYS[1])
            end
            return 0
            """;

    private final RedisDataSource redis;
    private final RunsConfig config;

    public RunLock(RedisDataSource redis, RunsConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public static String key(JobId job) {
        return KEY_PREFIX + job.id();
    }

    /**
     * Takes the job's lock for a run, or returns empty when someone holds it.
     *
     * @throws RunStateUnavailableException when Redis cannot be reached
     */
    public Optional<Lease> tryAcquire(JobId job, UUID runId, String eventId) {
        Lease lease = new Lease(job, key(job), LockHolder.token(runId, eventId));
        Response reply = redis(
                "taking the lock of " + job,
                () -> redis.execute(
                        "SET",
                        lease.key(),
                        lease.token(),
                        "NX",
                        "PX",
                        Long.toString(config.lockTtl().toMillis())));
        return reply != null && "OK".equals(reply.toString()) ? Optional.of(lease) : Optional.empty();
    }

    /** The current holder of the job's lock, if any. */
    public Optional<LockHolder> holder(JobId job) {
        Response reply = redis("reading the lock of " + job, () -> redis.execute("GET", key(job)));
        return reply == null ? Optional.empty() : Optional.of(LockHolder.parse(reply.toString()));
    }

    /** Extends the lease by a full TTL; false when the lock is no longer this lease's (expired, taken). */
    public boolean renew(Lease lease) {
        Response reply = redis(
                "renewing the lock of " + lease.job(),
                () -> redis.execute(
                        "EVAL",
                        RENEW_IF_OWNER,
                        "1",
                        lease.key(),
                        lease.token(),
                        Long.toString(config.lockTtl().toMillis())));
        return reply != null && reply.toLong() == 1L;
    }

    /** Releases the lease if it still owns the lock; never deletes another owner's lock. */
    public boolean release(Lease lease) {
        return deleteIfHeldBy(lease.key(), lease.token());
    }

    /** Releases the job's lock if the given run holds it, whatever its nonce (an orphaned lock). */
    public boolean releaseIfHeldByRun(JobId job, UUID runId) {
        Response reply = redis(
                "releasing the lock of " + job, () -> redis.execute("EVAL", DELETE_IF_RUN, "1", key(job), runId + "|"));
        return reply != null && reply.toLong() == 1L;
    }

    /** Compare-and-delete of any lock key (the cleanup's removal of orphaned locks). */
    public boolean deleteIfHeldBy(String key, String token) {
        Response reply = redis("releasing " + key, () -> redis.execute("EVAL", DELETE_IF_OWNER, "1", key, token));
        return reply != null && reply.toLong() == 1L;
    }

    private static <T> T redis(String doing, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            throw new RunStateUnavailableException(doing, e);
        }
    }
}
