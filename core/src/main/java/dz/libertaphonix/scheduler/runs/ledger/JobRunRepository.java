package dz.libertaphonix.scheduler.runs.ledger;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JobRunRepository implements PanacheRepositoryBase<JobRun, UUID> {

    public Optional<JobRun> running(JobId job) {
        return find("jobId = ?1 and status = ?2", job, JobRunStatus.RUNNING).firstResultOptional();
    }

    public List<JobRun> forEvent(JobId job, String eventId) {
        return list("jobId = ?1 and eventId = ?2 order by startedAt", job, eventId);
    }

    public Optional<JobRun> latest(JobId job) {
        return find("jobId = ?1 order by startedAt desc", job).firstResultOptional();
    }
}
