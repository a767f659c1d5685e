package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.runs.JobId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Stands in for shipping-status-sync in the function tests (no Maystro involved). */
@Alternative
@ApplicationScoped
public class ScriptedShippingJob extends ScriptedJob {

    @Override
    public JobId id() {
        return JobId.SHIPPING_STATUS_SYNC;
    }
}
