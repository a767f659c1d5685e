package dz.libertaphonix.scheduler.runs.missed;

import dz.libertaphonix.scheduler.runs.JobDispatcher;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The dispatcher port as the catch-up sees it: each dispatch recorded (job, actor, trigger), no run
 * started. Selected only by {@link MissedRunsTestProfile}.
 */
@Alternative
@Singleton
public class RecordingDispatcher implements JobDispatcher {

    public record Dispatch(JobId job, String actor, RunTrigger trigger, UUID runId) {}

    private final List<Dispatch> dispatches = new CopyOnWriteArrayList<>();

    @Override
    public UUID dispatch(JobId job, String actor) {
        return dispatch(job, actor, RunTrigger.MANUAL);
    }

    @Override
    public UUID dispatch(JobId job, String actor, RunTrigger trigger) {
        UUID runId = UUID.randomUUID();
        dispatches.add(new Dispatch(job, actor, trigger, runId));
        return runId;
    }

    public List<Dispatch> dispatches() {
        return List.copyOf(dispatches);
    }

    public void clear() {
        dispatches.clear();
    }
}
