package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunSummary;
import io.quarkus.funqy.Funq;

/**
 * The three job functions. One artifact; {@code QUARKUS_FUNQY_EXPORT} picks the function per Lambda.
 * Each is fired by its EventBridge rule (a schedule) and by the application's SyncRequested events.
 */
public class JobFunctions {

    private final FunctionRunner runner;

    public JobFunctions(FunctionRunner runner) {
        this.runner = runner;
    }

    @Funq("ecomanagerSync")
    public RunSummary ecomanagerSync(EventBridgeEvent event) {
        return runner.run(JobId.ECOMANAGER_SYNC, event);
    }

    @Funq("shippingStatusSync")
    public RunSummary shippingStatusSync(EventBridgeEvent event) {
        return runner.run(JobId.SHIPPING_STATUS_SYNC, event);
    }

    @Funq("dailyCleanup")
    public RunSummary dailyCleanup(EventBridgeEvent event) {
        return runner.run(JobId.DAILY_CLEANUP, event);
    }
}
