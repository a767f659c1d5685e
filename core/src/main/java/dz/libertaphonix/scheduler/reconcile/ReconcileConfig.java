package dz.libertaphonix.scheduler.reconcile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The nightly completeness sweep ({@code ecomanager-reconcile}). */
@ConfigMapping(prefix = "scheduler.reconcile")
public interface ReconcileConfig {

    /** How far back (by {@code created_at}) each store's orders are checked, newest first. */
    @WithDefault("7d")
    Duration lookback();

    /**
     * Most EcoManager requests one store's sweep may send (retries included; a page's retries may take
     * it a request or two past). A sweep that spends it before covering the lookback ends PARTIAL and
     * says how far back it got.
     */
    @WithDefault("60")
    int maxRequestsPerStore();

    /**
     * Share of EcoManager's per-token limits the sweep may use. It counts in the same shared budget as
     * the hourly import ({@code scheduler.ecomanager.rate-limit.share}, 0.8): kept lower, the difference
     * is always left to the import.
     */
    @WithDefault("0.5")
    double rateLimitShare();

    /** Longest wait for a slot in the sweep's share of the budget before the store's sweep stops (PARTIAL). */
    @WithDefault("90s")
    Duration rateLimitMaxWait();

    /** Stores swept at the same time (each store has its own token and budget). */
    @WithDefault("4")
    int storeParallelism();

    /** Missing orders listed by id and depth in a store's result (all are counted). */
    @WithDefault("100")
    int foundDetailLimit();
}
