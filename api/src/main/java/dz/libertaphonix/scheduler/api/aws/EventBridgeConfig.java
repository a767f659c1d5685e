package dz.libertaphonix.scheduler.api.aws;

import dz.libertaphonix.scheduler.runs.JobId;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The EventBridge side of schedule control and dispatch (active with {@code scheduler.control=eventbridge}). */
@ConfigMapping(prefix = "scheduler.eventbridge")
public interface EventBridgeConfig {

    /** AWS region; when absent, the SDK's own lookup ({@code AWS_REGION}, set in Lambda). */
    Optional<String> region();

    /** Another endpoint than AWS' own (tests, LocalStack). */
    Optional<URI> endpointOverride();

    /** The application's event bus, where {@code SyncRequested} events go ({@code SCHEDULER_EVENT_BUS}). */
    @WithDefault("libertaphonix-scheduler")
    String eventBus();

    /** The {@code source} of the events this API puts on the bus; the job rules' patterns match it. */
    @WithDefault("libertaphonix.scheduler")
    String eventSource();

    /** The {@code detail-type} of a run request. */
    @WithDefault("SyncRequested")
    String syncRequestedDetailType();

    /** Each job's schedule rule (on the default bus, where schedule rules live). */
    Rules rules();

    /** How long a rule's state read with DescribeRule is reused from Redis before asking EventBridge again. */
    @WithDefault("60s")
    Duration stateCacheTtl();

    /** Longest time one EventBridge call may take, retries included. */
    @WithDefault("8s")
    Duration callTimeout();

    interface Rules {

        /** Rule of {@code ecomanager-sync} ({@code SCHEDULER_RULE_ECOMANAGER_SYNC}). */
        @WithName("ecomanager-sync")
        @WithDefault("libertaphonix-ecomanager-sync")
        String ecomanagerSync();

        /** Rule of {@code shipping-status-sync} ({@code SCHEDULER_RULE_SHIPPING_STATUS_SYNC}). */
        @WithName("shipping-status-sync")
        @WithDefault("libertaphonix-shipping-status-sync")
        String shippingStatusSync();

        /** Rule of {@code daily-cleanup} ({@code SCHEDULER_RULE_DAILY_CLEANUP}). */
        @WithName("daily-cleanup")
        @WithDefault("libertaphonix-daily-cleanup")
        String dailyCleanup();

        default String of(JobId job) {
            return switch (job) {
                case ECOMANAGER_SYNC -> ecomanagerSync();
                case SHIPPING_STATUS_SYNC -> shippingStatusSync();
                case DAILY_CLEANUP -> dailyCleanup();
            };
        }
    }
}
