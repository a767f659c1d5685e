package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code ecomanager-sync}: imports every active store's new orders and assigns them to agents. */
@ApplicationScoped
public class EcoManagerSyncJob implements Job {

    private final OrderImportService imports;

    public EcoManagerSyncJob(OrderImportService imports) {
        this.imports = imports;
    }

    @Override
    public JobId id() {
        return JobId.ECOMANAGER_SYNC;
    }

    @Override
    public JobResult execute(JobContext context) {
        return imports.run(context, imports.importableStores());
    }
}
