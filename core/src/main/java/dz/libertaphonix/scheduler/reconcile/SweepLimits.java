package dz.libertaphonix.scheduler.reconcile;

import java.time.Duration;

/**
 * How far one sweep of a store may go.
 *
 * @param lookback orders created before now minus this are not checked
 * @param maxRequests EcoManager requests one store may send
 */
public record SweepLimits(Duration lookback, int maxRequests) {

    public SweepLimits {
        if (lookback == null || lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("the sweep's lookback must be positive");
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("the sweep needs a request budget of at least 1");
        }
    }

    static SweepLimits of(ReconcileConfig config) {
        return new SweepLimits(config.lookback(), config.maxRequestsPerStore());
    }
}
