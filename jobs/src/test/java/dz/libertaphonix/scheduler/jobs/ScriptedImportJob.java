package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Stands in for ecomanager-sync in the function tests (no EcoManager involved). */
@Alternative
@ApplicationScoped
public class ScriptedImportJob extends ScriptedJob {

    @Override
    public JobDescriptor descriptor() {
        return EcoManagerSyncJob.DESCRIPTOR;
    }
}
