package dz.libertaphonix.scheduler.api.local;

import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for ecomanager-sync in the local scheduler's tests: it can be held inside a run until the
 * test releases it, and remembers the runs it executed. No EcoManager involved.
 */
@Alternative
@ApplicationScoped
public class GatedImportJob implements Job {

    private final List<UUID> executed = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch started = new CountDownLatch(1);

    @Override
    public JobDescriptor descriptor() {
        return EcoManagerSyncJob.DESCRIPTOR;
    }

    /** The next runs block inside the job until {@link #open()}. */
    public void close() {
        gate = new CountDownLatch(1);
        started = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    public boolean awaitStarted(long seconds) throws InterruptedException {
        return started.await(seconds, TimeUnit.SECONDS);
    }

    public List<UUID> executed() {
        return List.copyOf(executed);
    }

    public void reset() {
        open();
        executed.clear();
        gate = new CountDownLatch(0);
        started = new CountDownLatch(1);
    }

    @Override
    public JobResult execute(JobContext context) throws InterruptedException {
        executed.add(context.runId());
        started.countDown();
        if (!gate.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
        }
        return JobResult.succeeded(Map.of("orders", 2L), null);
    }
}
