package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job whose behaviour the test scripts: how long it blocks, how it ends, whether it honours the
 * deadline. Test-only: it carries a production job id but none of that job's logic.
 */
public abstract class ControllableJob implements Job {

    /** What one execution does. */
    @FunctionalInterface
    public interface Script {
        JobResult run(JobContext context) throws Exception;
    }

    private volatile Script script = context -> JobResult.succeeded(Map.of("units", 1L), null);
    private final AtomicInteger executions = new AtomicInteger();
    private final List<JobContext> contexts = new CopyOnWriteArrayList<>();

    public void willRun(Script next) {
        this.script = next;
    }

    public void reset() {
        executions.set(0);
        contexts.clear();
        willRun(context -> JobResult.succeeded(Map.of("units", 1L), null));
    }

    public int executions() {
        return executions.get();
    }

    public List<JobContext> contexts() {
        return List.copyOf(contexts);
    }

    @Override
    public JobResult execute(JobContext context) throws Exception {
        executions.incrementAndGet();
        contexts.add(context);
        return script.run(context);
    }

    /** A script that signals it started, then blocks until released (bounded, so a test never hangs). */
    public static final class Gate implements Script {

        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final JobResult result;

        public Gate(JobResult result) {
            this.result = result;
        }

        @Override
        public JobResult run(JobContext context) throws InterruptedException {
            started.countDown();
            if (!released.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the job");
            }
            return result;
        }

        public void awaitStarted(Duration atMost) throws InterruptedException {
            if (!started.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the job did not start within " + atMost);
            }
        }

        public void release() {
            released.countDown();
        }
    }
}
