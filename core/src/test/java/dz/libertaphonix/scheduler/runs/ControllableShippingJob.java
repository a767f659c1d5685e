package dz.libertaphonix.scheduler.runs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Stands in for the shipping-status-sync job in the runtime's tests (selected per test profile). */
@Alternative
@ApplicationScoped
public class ControllableShippingJob extends ControllableJob {

    @Override
    public JobId id() {
        return JobId.SHIPPING_STATUS_SYNC;
    }
}
