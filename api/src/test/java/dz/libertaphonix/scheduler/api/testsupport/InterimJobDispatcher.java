package dz.libertaphonix.scheduler.api.testsupport;

import dz.libertaphonix.scheduler.runs.JobAlreadyRunningException;
import dz.libertaphonix.scheduler.runs.JobDispatcher;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobLiveState;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * INTERIM, until the local dispatcher and JobRunner (issue 5) are on main: refuses while the live
 * state shows a run, otherwise accepts without running anything. Removed when the real one lands.
 */
@DefaultBean
@ApplicationScoped
public class InterimJobDispatcher implements JobDispatcher {

    private final InterimLiveState live;

    public InterimJobDispatcher(InterimLiveState live) {
        this.live = live;
    }

    @Override
    public UUID dispatch(JobId job, String actor) {
        JobLiveState state = live.read(job);
        if (state != null && state.current() != null) {
            throw new JobAlreadyRunningException(job, state.current().runId());
        }
        return UUID.randomUUID();
    }
}
