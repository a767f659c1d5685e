package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Stands in for shipping-status-sync in the function tests (no Maystro involved). */
@Alternative
@ApplicationScoped
public class ScriptedShippingJob extends ScriptedJob {

    @Override
    public JobDescriptor descriptor() {
        return ShippingStatusSyncJob.DESCRIPTOR;
    }
}
