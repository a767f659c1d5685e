package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.importing.intake.IntakeProgress;
import dz.libertaphonix.scheduler.runs.JobContext;
import java.util.concurrent.atomic.AtomicLong;

/** Live progress of a run, shared by the stores importing in parallel. */
public final class RunProgress implements IntakeProgress {

    private final JobContext context;
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();

    public RunProgress(JobContext context) {
        this.context = context;
    }

    @Override
    public void expect(long orders) {
        expected.addAndGet(orders);
    }

    @Override
    public void committed(long orders) {
        context.progress("orders", committed.addAndGet(orders), expected.get());
    }
}
