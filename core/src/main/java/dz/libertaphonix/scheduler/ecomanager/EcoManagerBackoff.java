package dz.libertaphonix.scheduler.ecomanager;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delay before each retry of one request, chosen by SmallRye Fault Tolerance's retry (which
 * owns the loop, the count and the overall bound). A 429 waits what EcoManager asked for; anything
 * else backs off exponentially with "equal jitter": half the delay fixed, half random, so two
 * Lambdas that failed together do not retry together.
 */
final class EcoManagerBackoff implements CustomBackoffStrategy {

    private final long initialMillis;
    private final long maxMillis;
    private final long defaultRetryAfterMillis;
    private int transientFailures;

    EcoManagerBackoff(EcoManagerConfig config) {
        this.initialMillis = Math.max(1, config.initialBackoff().toMillis());
        this.maxMillis = Math.max(initialMillis, config.maxBackoff().toMillis());
        this.defaultRetryAfterMillis = config.defaultRetryAfter().toMillis();
    }

    @Override
    public long nextDelayInMillis(Throwable failure) {
        if (failure instanceof UpstreamRateLimitedException limited) {
            // the retry predicate already refused Retry-After values above the configured cap
            return limited.retryAfter().map(Duration::toMillis).orElse(defaultRetryAfterMillis);
        }
        long ceiling = initialMillis << Math.min(transientFailures, 30);
        ceiling = Math.min(ceiling, maxMillis);
        transientFailures++;
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }
}
