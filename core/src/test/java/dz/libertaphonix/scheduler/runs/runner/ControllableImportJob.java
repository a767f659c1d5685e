package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Stands in for the ecomanager-sync job in the runtime's tests (selected per test profile). */
@Alternative
@ApplicationScoped
public class ControllableImportJob extends ControllableJob {

    @Override
    public JobDescriptor descriptor() {
        return EcoManagerSyncJob.DESCRIPTOR;
    }
}
