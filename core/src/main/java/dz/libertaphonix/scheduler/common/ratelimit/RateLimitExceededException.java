package dz.libertaphonix.scheduler.common.ratelimit;

import java.time.Duration;

/** The budget will not free up within the time the caller was willing to wait. */
public class RateLimitExceededException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitExceededException(String budget, Duration retryAfter) {
        super("rate budget " + budget + " exhausted; next slot in " + retryAfter.toMillis() + " ms");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
