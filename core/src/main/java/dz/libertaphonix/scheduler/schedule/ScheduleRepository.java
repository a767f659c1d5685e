package dz.libertaphonix.scheduler.schedule;

import dz.libertaphonix.scheduler.runs.JobId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<Schedule, String> {

    public Optional<Schedule> forJob(JobId job) {
        return findByIdOptional(job.id());
    }
}
