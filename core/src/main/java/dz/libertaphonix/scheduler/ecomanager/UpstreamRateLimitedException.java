package dz.libertaphonix.scheduler.ecomanager;

import java.time.Duration;
import java.util.Optional;

/** EcoManager answered 429. Retried after {@code Retry-After} (or a default), a capped number of times. */
public class UpstreamRateLimitedException extends UpstreamUnavailableException {

    private final Duration retryAfter;

    public UpstreamRateLimitedException(Duration retryAfter) {
        super(
                "EcoManager rate limit reached (HTTP 429"
                        + (retryAfter == null ? ", no Retry-After" : ", Retry-After " + retryAfter.toSeconds() + " s")
                        + ")",
                429);
        this.retryAfter = retryAfter;
    }

    /** What the {@code Retry-After} header asked for; empty when it was absent or unreadable. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
