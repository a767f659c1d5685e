package dz.libertaphonix.scheduler.common.ratelimit;

import dz.libertaphonix.scheduler.common.outage.RedisUnavailableException;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request budget shared by every process that uses the same upstream credential: two Lambdas
 * importing with one store token draw from one budget, so together they never exceed it.
 *
 * <p>Each window is a sliding log (a sorted set of request times) in Redis; one Lua script checks
 * every window and records the request atomically, using Redis' clock so that processes with
 * skewed clocks agree. A sliding log, unlike fixed counters, cannot let a burst of twice the limit
 * through at a window boundary.
 */
@ApplicationScoped
public class RedisRateLimiter {

    private static final String PREFIX = "scheduler:ratelimit:";

    // KEYS: one sorted set per window. ARGV: member id, then per window its length in ms and limit.
    // Returns 0 when the request was recorded, else the milliseconds until a slot frees up.
    private static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local wait = 0
            for i = 1, #KEYS do
              local window = tonumber(ARGV[i * 2])
              local limit = tonumber(ARGV[i * 2 + 1])
              redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
              if redis.call('ZCARD', KEYS[i]) >= limit then
                local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
                local free = tonumber(oldest[2]) + window - now + 1
                if free > wait then wait = free end
              end
            end
            if wait > 0 then return wait end
            for i = 1, #KEYS do
              local window = tonumber(ARGV[i * 2])
              redis.call('ZADD', KEYS[i], now, ARGV[1])
              redis.call('PEXPIRE', KEYS[i], window + 1000)
            end
            return 0
            """;

    private final RedisDataSource redis;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();

    public RedisRateLimiter(RedisDataSource redis) {
        this.redis = redis;
    }

    /**
     * Takes one request from the budget {@code budget} (e.g. {@code ecomanager:<store>}), waiting
     * as long as needed up to {@code maxWait}.
     *
     * @param forWhom who the slot is for, in words ({@code store NATU}), for the message of an outage
     * @return how long the caller waited
     * @throws RateLimitExceededException when no slot frees up within {@code maxWait}
     * @throws RedisUnavailableException when Redis, which keeps the budget, cannot be reached
     */
    public Duration acquire(String budget, String forWhom, List<RateWindow> windows, Duration maxWait) {
        long started = System.nanoTime();
        while (true) {
            long waitMillis;
            try {
                waitMillis = tryAcquire(budget, windows);
            } catch (RuntimeException e) {
                throw new RedisUnavailableException("taking a request slot for " + forWhom, e);
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (waitMillis == 0) {
                return waited;
            }
            if (waited.plusMillis(waitMillis).compareTo(maxWait) > 0) {
                throw new RateLimitExceededException(budget, Duration.ofMillis(waitMillis));
            }
            sleep(waitMillis);
        }
    }

    /** One attempt: 0 when the request was recorded, else milliseconds until a slot frees up. */
    public long tryAcquire(String budget, List<RateWindow> windows) {
        if (windows.isEmpty()) {
            return 0;
        }
        List<String> args = new ArrayList<>();
        args.add(SCRIPT);
        args.add(Integer.toString(windows.size()));
        for (RateWindow window : windows) {
            args.add(PREFIX + budget + ":" + window.length().toMillis());
        }
        args.add(instance + ":" + sequence.incrementAndGet());
        for (RateWindow window : windows) {
            args.add(Long.toString(window.length().toMillis()));
            args.add(Long.toString(window.limit()));
        }
        Response response = redis.execute("EVAL", args.toArray(String[]::new));
        return response.toLong();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a rate-limit slot", e);
        }
    }
}
