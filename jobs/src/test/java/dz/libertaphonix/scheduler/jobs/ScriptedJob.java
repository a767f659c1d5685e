package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test stand-in for a production job id: it does what the test scripts, and remembers its contexts. */
public abstract class ScriptedJob implements Job {

    @FunctionalInterface
    public interface Script {
        JobResult run(JobContext context) throws Exception;
    }

    private volatile Script script;
    private final List<JobContext> contexts = new CopyOnWriteArrayList<>();

    protected ScriptedJob() {
        reset();
    }

    public void willRun(Script next) {
        script = next;
    }

    public void reset() {
        contexts.clear();
        script = context -> JobResult.succeeded(Map.of("orders", 25L), null);
    }

    public List<JobContext> contexts() {
        return List.copyOf(contexts);
    }

    @Override
    public JobResult execute(JobContext context) throws Exception {
        contexts.add(context);
        return script.run(context);
    }
}
