package dz.libertaphonix.scheduler.api.testsupport;

import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the shipping-status-sync job in the api tests, so that a test can hold a real run
 * (JobRunner, Redis lock, ledger, live state) open while it calls the API. Test-only: it carries the
 * production job id but none of that job's logic. Open by default: a run reports progress and ends
 * at once; {@link #close()} makes the next runs wait at the gate until {@link #open()}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class GatedShippingJob implements Job {

    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch started = new CountDownLatch(1);

    /** The next runs block after reporting progress, until {@link #open()}. */
    public void close() {
        gate = new CountDownLatch(1);
        started = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    /** Waits until a run is inside the job (its lock taken, its progress reported). */
    public void awaitStarted(Duration atMost) throws InterruptedException {
        if (!started.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no shipping run started within " + atMost);
        }
    }

    @Override
    public JobDescriptor descriptor() {
        return ShippingStatusSyncJob.DESCRIPTOR;
    }

    @Override
    public JobResult execute(JobContext context) throws InterruptedException {
        context.progress("pages", 14, 60);
        started.countDown();
        // bounded, so a test that forgets to open the gate cannot hang the build
        if (!gate.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
        }
        return JobResult.succeeded(Map.of("changed", 3L, "delivered", 2L), Map.of("accounts", Map.of("main", "OK")));
    }
}
