package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.events.EventBridgeEvent;
import dz.libertaphonix.scheduler.runs.runner.RunSummary;
import io.quarkus.funqy.Funq;

/**
 * The job function: one for every job of the catalogue. One artifact; each job's Lambda exports it
 * ({@code QUARKUS_FUNQY_EXPORT=runJob}) and names its job ({@code SCHEDULER_JOB=ecomanager-sync}), so a
 * new job is a new Lambda in template.yaml, not new code here. Fired by the job's EventBridge rule
 * (a schedule) and by the application's SyncRequested events.
 */
public class JobFunctions {

    /** The function's name, as {@code QUARKUS_FUNQY_EXPORT} selects it. */
    static final String NAME = "runJob";

    private final FunctionRunner runner;

    public JobFunctions(FunctionRunner runner) {
        this.runner = runner;
    }

    @Funq(NAME)
    public RunSummary runJob(EventBridgeEvent event) {
        return runner.run(event);
    }
}
