package dz.libertaphonix.scheduler.api.testsupport;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobLiveState;
import dz.libertaphonix.scheduler.runs.LiveStateReader;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * INTERIM, until the Redis run-state store (issue 5) is on main: the live state the tests set.
 * Removed when the real {@link LiveStateReader} lands.
 */
@DefaultBean
@ApplicationScoped
public class InterimLiveState implements LiveStateReader {

    private final Map<JobId, JobLiveState> states = new ConcurrentHashMap<>();

    public void set(JobLiveState state) {
        states.put(state.job(), state);
    }

    public void clear(JobId job) {
        states.remove(job);
    }

    @Override
    public JobLiveState read(JobId job) {
        return states.get(job);
    }
}
