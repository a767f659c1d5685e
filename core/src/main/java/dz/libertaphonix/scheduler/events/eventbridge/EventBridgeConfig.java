package dz.libertaphonix.scheduler.events.eventbridge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The application's EventBridge: its bus and the names on it, read alike by the api (which sends
 * {@code SyncRequested} and drives the schedule rules) and the job functions (which receive it and
 * publish the run events), so that the two sides cannot disagree. Defaults in core's
 * {@code microprofile-config.properties}, which also reads the job functions' former names
 * ({@code scheduler.runs.eventbridge.bus-name}, {@code .source}, {@code .region}, {@code .endpoint}).
 */
@ConfigMapping(prefix = "scheduler.eventbridge")
public interface EventBridgeConfig {

    /** The application's event bus ({@code SCHEDULER_EVENT_BUS}): SyncRequested in, run events out. */
    @WithDefault("libertaphonix-scheduler")
    String eventBus();

    /** The {@code source} of the application's events; the job rules' patterns match it. */
    @WithDefault("libertaphonix.scheduler")
    String eventSource();

    /** The {@code detail-type} of a run request, as the api sends it and the job functions accept it. */
    @WithDefault("SyncRequested")
    String syncRequestedDetailType();

    /** AWS region; when absent, the SDK's own lookup ({@code AWS_REGION}, set in Lambda). */
    Optional<String> region();

    /** Another endpoint than AWS' own (tests, LocalStack). */
    Optional<URI> endpointOverride();

    /** Longest time one EventBridge call may take, retries included. */
    @WithDefault("8s")
    Duration callTimeout();

    /** How long a rule's state read with DescribeRule is reused from Redis before asking EventBridge again. */
    @WithDefault("60s")
    Duration stateCacheTtl();

    /**
     * A job's schedule rule is named this prefix and the job id ({@code SCHEDULER_RULE_PREFIX};
     * template.yaml: {@code libertaphonix-<stage>-}), on the default bus where schedule rules live.
     */
    @WithDefault("libertaphonix-")
    String rulePrefix();

    /** A rule named otherwise than by the prefix, by job id ({@code scheduler.eventbridge.rules.ecomanager-sync}). */
    Map<String, String> rules();
}
