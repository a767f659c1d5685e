package dz.libertaphonix.scheduler.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The EcoManager order import ({@code ecomanager-sync}). */
@ConfigMapping(prefix = "scheduler.import")
public interface ImportConfig {

    /** Orders committed per transaction; the store's cursor advances after each committed batch. */
    @WithDefault("25")
    int batchSize();

    /** Orders asked for per EcoManager page ({@code per_page}); 100 is EcoManager's maximum. */
    @WithDefault("100")
    int pageSize();

    /**
     * Orders at or below the cursor re-examined on every run, to catch orders that reached
     * {@code En dispatch} after higher ids existed. With the default (one page) a quiet hour still
     * costs one request and n new orders cost ⌈n/100⌉ + 1.
     */
    @WithDefault("100")
    int rescanOrders();

    /**
     * Most EcoManager pages one store may read in one run (main walk and backlog gaps together). A
     * walk stopped by it commits what it read and records the unread stretch as a gap for later runs.
     */
    @WithDefault("100")
    int maxPagesPerStore();

    /** Stores imported at the same time. Each store has its own token and rate budget. */
    @WithDefault("2")
    int storeParallelism();

    /** Unassigned orders retried per transaction when a run first works the backlog. */
    @WithDefault("200")
    int backlogBatchSize();

    /** Quarantined orders listed by id and reason in a store's run result (all are counted). */
    @WithDefault("20")
    int quarantineDetailLimit();
}
