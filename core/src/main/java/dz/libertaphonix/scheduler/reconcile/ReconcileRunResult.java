package dz.libertaphonix.scheduler.reconcile;

import java.time.Duration;
import java.util.List;

/**
 * The per-store detail of an {@code ecomanager-reconcile} run, stored in the ledger's {@code results}
 * ({@code GET /runs/{runId}}).
 *
 * @param lookback the window checked, ISO-8601 ({@code PT168H})
 * @param maxRequestsPerStore each store's request budget
 */
public record ReconcileRunResult(
        String lookback, int maxRequestsPerStore, List<StoreSweepResult> stores, boolean deadlineReached) {

    static ReconcileRunResult of(SweepLimits limits, List<StoreSweepResult> stores, boolean deadlineReached) {
        Duration lookback = limits.lookback();
        return new ReconcileRunResult(lookback.toString(), limits.maxRequests(), stores, deadlineReached);
    }
}
