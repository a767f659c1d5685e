package dz.libertaphonix.scheduler.maystro;

import java.time.Duration;

/** Maystro answered 429; {@link #retryAfter()} is how long it asked us to wait (already capped). */
public class MaystroRateLimitedException extends MaystroException {

    private final Duration retryAfter;

    public MaystroRateLimitedException(String account, Duration retryAfter) {
        super(account, "Maystro rate-limited account '" + account + "' (retry after " + retryAfter.toMillis() + " ms)");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
