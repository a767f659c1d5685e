package dz.libertaphonix.scheduler.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Writes activity-log entries. Joins the caller's transaction, or opens one. */
@ApplicationScoped
public class ActivityLogger {

    private final ActivityLogRepository repository;
    private final Clock clock;

    public ActivityLogger(ActivityLogRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** An entry describing {@code resourceType/resourceId}, tied to a run when {@code runId} is set. */
    @Transactional
    public ActivityLog log(
            String actionType,
            ActivityLevel level,
            String description,
            String resourceType,
            String resourceId,
            UUID runId,
            Map<String, Object> metadata) {
        ActivityLog entry = new ActivityLog();
        entry.occurredAt = clock.instant();
        entry.actionType = actionType;
        entry.level = level;
        entry.description = description;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId;
        entry.runId = runId;
        entry.metadata = metadata;
        repository.persist(entry);
        return entry;
    }
}
