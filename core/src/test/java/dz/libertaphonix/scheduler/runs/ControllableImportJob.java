package dz.libertaphonix.scheduler.runs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Stands in for the ecomanager-sync job in the runtime's tests (selected per test profile). */
@Alternative
@ApplicationScoped
public class ControllableImportJob extends ControllableJob {

    @Override
    public JobId id() {
        return JobId.ECOMANAGER_SYNC;
    }
}
