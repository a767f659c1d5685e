package dz.libertaphonix.scheduler.common;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ActivityLogRepository implements PanacheRepository<ActivityLog> {

    public List<ActivityLog> forRun(UUID runId) {
        return list("runId = ?1 order by id", runId);
    }
}
