package dz.libertaphonix.scheduler.api.audit;

import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import java.time.OffsetDateTime;
import java.util.Map;

/** One audit row: who did what to what, how it ended, from where, when. */
public record AuditView(
        long id,
        OffsetDateTime occurredAt,
        String userId,
        String email,
        String role,
        String action,
        String target,
        Map<String, Object> parameters,
        String outcome,
        Integer httpStatus,
        String ipAddress,
        String userAgent) {

    static AuditView of(AuditEvent event) {
        return new AuditView(
                event.id,
                ApiTime.algiers(event.occurredAt),
                event.userId,
                event.email,
                event.role,
                event.action,
                event.target,
                event.parameters,
                event.outcome.name(),
                event.httpStatus,
                event.ipAddress,
                event.userAgent);
    }
}
