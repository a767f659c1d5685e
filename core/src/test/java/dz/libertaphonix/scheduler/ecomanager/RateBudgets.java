package dz.libertaphonix.scheduler.ecomanager;

import dz.libertaphonix.scheduler.common.ratelimit.RateWindow;
import dz.libertaphonix.scheduler.common.ratelimit.RedisRateLimiter;
import java.time.Duration;
import java.util.List;

/** Test helper: spends part of a token's shared EcoManager budget, as other processes using it would. */
public final class RateBudgets {

    private RateBudgets() {}

    /** Records {@code requests} requests of {@code token} in its window of {@code length} (only that one). */
    public static void spend(RedisRateLimiter limiter, String token, Duration length, int requests) {
        List<RateWindow> window = List.of(new RateWindow(length, 1_000_000));
        for (int i = 0; i < requests; i++) {
            limiter.tryAcquire(EcoManagerClient.budgetKey(token), window);
        }
    }
}
