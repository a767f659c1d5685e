package dz.libertaphonix.scheduler.api.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The admin API's own settings. */
@ConfigMapping(prefix = "scheduler.admin")
public interface AdminConfig {

    /**
     * How long an API instance reuses the schedule state it read (enabled, cron, last change) before
     * asking the schedule control again. Keeps {@code GET /status} off the database; a change made
     * through this instance is seen at once, one made elsewhere within this delay.
     */
    @WithDefault("10s")
    Duration scheduleStateTtl();

    /** Largest request body accepted, in bytes; admin requests are small JSON documents. */
    @WithDefault("16384")
    long maxBodyBytes();

    /** Rows per page when the caller does not say. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest page a caller may ask for. */
    @WithDefault("100")
    int maxPageSize();

    /** How many next fire times {@code GET /jobs} and a schedule change preview. */
    @WithDefault("5")
    int previewFireTimes();
}
