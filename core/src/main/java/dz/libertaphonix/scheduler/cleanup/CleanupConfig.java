package dz.libertaphonix.scheduler.cleanup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Configuration of the daily cleanup job. */
@ConfigMapping(prefix = "scheduler.cleanup")
public interface CleanupConfig {

    /** Activity-log entries older than this are deleted. */
    @WithDefault("30d")
    Duration activityLogRetention();

    /** Finished runs (succeeded, partial, skipped, abandoned) older than this are deleted. */
    @WithDefault("90d")
    Duration runRetention();

    /** Failed runs are kept longer: they are what someone investigates. */
    @WithDefault("180d")
    Duration failedRunRetention();

    /** Admin audit events older than this are deleted. */
    @WithDefault("365d")
    Duration auditRetention();

    /**
     * Webhook deliveries ({@code inbound_events}: every accepted EcoManager delivery, Maystro's kept
     * ones) older than this are deleted; the newest version of an order also stays on the order.
     */
    @WithDefault("90d")
    Duration inboundEventRetention();

    /** Rows deleted per statement, each batch its own transaction, so no long lock is ever held. */
    @WithDefault("1000")
    int batchSize();

    /** The COUNT hint of each Redis SCAN step over {@code scheduler:*}. */
    @WithDefault("500")
    int redisScanCount();

    /** Run VACUUM (ANALYZE) where possible (outside a transaction); ANALYZE only when false. */
    @WithDefault("true")
    boolean vacuum();

    /** The tables the jobs write, analysed (and vacuumed) every night. */
    @WithDefault("orders,order_items,customers,order_status_events,quarantined_orders,stores,agents,courier_accounts,"
            + "inbound_events,job_runs,activity_logs,audit_events")
    List<String> maintainedTables();
}
