package dz.libertaphonix.scheduler.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the job functions. */
@ConfigMapping(prefix = "scheduler.functions")
public interface FunctionsConfig {

    /**
     * The job this Lambda runs, by id ({@code SCHEDULER_JOB=ecomanager-sync}): every job's Lambda
     * exports the one job function, and template.yaml names its job here. Unset for {@code migrate}.
     */
    Optional<String> job();

    /**
     * The Lambda function's timeout, as configured on the function (template.yaml passes the same value
     * as {@code FUNCTION_TIMEOUT}). Funqy does not hand the Lambda context to a function, so the
     * remaining time is counted from the invocation's start against this.
     */
    @WithDefault("15m")
    Duration timeout();

    /**
     * Time kept back from the timeout: the job stops between batches this long before Lambda would
     * kill it, leaving room to finish the batch in flight and record the run.
     */
    @WithDefault("60s")
    Duration safetyMargin();

    /**
     * Whether the function prepares its clients and connections on a side thread as it starts, so a
     * cold invocation finds them ready (see {@code ColdStartPriming}).
     */
    @WithDefault("true")
    boolean primeAtStart();

    /**
     * How Lambda initialised this environment ({@code AWS_LAMBDA_INITIALIZATION_TYPE}):
     * {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}.
     */
    @WithDefault("on-demand")
    String initializationType();
}
