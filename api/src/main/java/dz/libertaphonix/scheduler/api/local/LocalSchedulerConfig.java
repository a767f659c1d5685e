package dz.libertaphonix.scheduler.api.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the in-process scheduler (local development, or a deployment without EventBridge). */
@ConfigMapping(prefix = "scheduler.local")
public interface LocalSchedulerConfig {

    /**
     * Fire the jobs in this process on the crons of the {@code schedules} table. On in dev mode and
     * with {@code ENABLE_SCHEDULER=true}; off in the Lambda deployment, where EventBridge rules fire
     * the job functions.
     */
    @WithDefault("false")
    boolean enabled();
}
