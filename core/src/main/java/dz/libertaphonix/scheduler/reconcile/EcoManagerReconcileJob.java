package dz.libertaphonix.scheduler.reconcile;

import dz.libertaphonix.scheduler.importing.OrderImportService;
import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code ecomanager-reconcile}: the nightly completeness sweep. Walks each importable store's orders
 * newest first over the lookback window and takes in every {@code En dispatch} order the hourly
 * import missed (it reached that state after more than the import's re-scan window of newer orders
 * existed), through the import's own intake. Reports per store what it scanned and found, with each
 * found order's depth.
 */
@ApplicationScoped
public class EcoManagerReconcileJob implements Job {

    public static final JobDescriptor DESCRIPTOR =
            JobDescriptor.of("ecomanager-reconcile", "EcoManager completeness sweep", 40);

    public static final JobId ID = DESCRIPTOR.id();

    private final ReconcileService sweeps;
    private final OrderImportService imports;

    public EcoManagerReconcileJob(ReconcileService sweeps, OrderImportService imports) {
        this.sweeps = sweeps;
        this.imports = imports;
    }

    @Override
    public JobDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JobResult execute(JobContext context) {
        return sweeps.run(context, imports.importableStores());
    }
}
