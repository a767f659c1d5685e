package dz.libertaphonix.scheduler.runs.missed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How missed fires are told and caught up ({@code scheduler.missed.*}). */
@ConfigMapping(prefix = "scheduler.missed")
public interface MissedRunsConfig {

    /**
     * How long after a fire its run may start and still count as the fire's run (EventBridge delivery,
     * a cold start, a Lambda retry); a fire is only called missed once this has passed.
     */
    @WithDefault("15m")
    Duration tolerance();

    /** How long before a fire a run may start and count as its run (clocks a little apart). */
    @WithDefault("1m")
    Duration early();

    /** How far back each detection looks for missed fires not yet published. */
    @WithDefault("7d")
    Duration detectionWindow();

    /** The widest range {@code GET /jobs/{job}/missed} answers. */
    @WithDefault("31d")
    Duration maxRange();

    /**
     * How long the status ({@code GET /status}, {@code GET /jobs}) reuses a job's missed-fire figures
     * before reading the ledger again: the status is polled, the figures move by the hour.
     */
    @WithDefault("60s")
    Duration statusCacheTtl();

    /** Whether a detection starts the catch-up runs the jobs' policies ask for (off: told, not caught up). */
    @WithDefault("true")
    boolean catchUp();
}
