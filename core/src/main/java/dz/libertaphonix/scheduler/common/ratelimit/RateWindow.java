package dz.libertaphonix.scheduler.common.ratelimit;

import java.time.Duration;

/** At most {@code limit} requests in any sliding window of {@code length}. */
public record RateWindow(Duration length, long limit) {

    public RateWindow {
        if (length == null || length.toMillis() < 1 || limit < 1) {
            throw new IllegalArgumentException("a rate window needs a positive length and limit");
        }
    }

    /** {@code share} (e.g. 0.8) of an upstream limit, never below one request. */
    public static RateWindow shareOf(long upstreamLimit, Duration length, double share) {
        return new RateWindow(length, Math.max(1, (long) Math.floor(upstreamLimit * share)));
    }
}
