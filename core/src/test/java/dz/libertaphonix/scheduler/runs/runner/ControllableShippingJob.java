package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Stands in for the shipping-status-sync job in the runtime's tests (selected per test profile). */
@Alternative
@ApplicationScoped
public class ControllableShippingJob extends ControllableJob {

    @Override
    public JobDescriptor descriptor() {
        return ShippingStatusSyncJob.DESCRIPTOR;
    }
}
