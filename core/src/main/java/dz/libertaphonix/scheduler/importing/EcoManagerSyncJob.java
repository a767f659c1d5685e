package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.runs.CatchUp;
import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code ecomanager-sync}: imports every active store's new orders and assigns them to agents. */
@ApplicationScoped
public class EcoManagerSyncJob implements Job {

    /** {@code /trigger/ecomanager} is the original API's path. */
    public static final JobDescriptor DESCRIPTOR = JobDescriptor.of("ecomanager-sync", "EcoManager order import", 10)
            .withTriggerAliases("ecomanager")
            // the walk reads down to the cursor: the next run takes in what a missed hour left
            .withCatchUp(CatchUp.NEXT_RUN);

    public static final JobId ID = DESCRIPTOR.id();

    private final OrderImportService imports;

    public EcoManagerSyncJob(OrderImportService imports) {
        this.imports = imports;
    }

    @Override
    public JobDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JobResult execute(JobContext context) {
        return imports.run(context, imports.importableStores());
    }
}
