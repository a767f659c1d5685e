package dz.libertaphonix.scheduler.audit;

import java.util.Map;

/**
 * One admin action to write to the audit trail.
 *
 * @param userId the caller's {@code userId} claim, null when the caller could not be identified
 * @param email the caller's email claim
 * @param role the caller's role claim
 * @param action what was asked, such as {@code schedule.stop} or {@code store.update}
 * @param target what it was asked of: a job id, {@code store:12}, {@code all}
 * @param parameters the request's parameters; secrets are redacted by {@link AuditService}
 * @param outcome how it ended
 * @param httpStatus the status the caller received
 * @param ipAddress where the call came from
 * @param userAgent the caller's user agent
 */
public record AuditRecord(
        String userId,
        String email,
        String role,
        String action,
        String target,
        Map<String, Object> parameters,
        AuditOutcome outcome,
        Integer httpStatus,
        String ipAddress,
        String userAgent) {

    /** The outcome an HTTP status stands for: 2xx succeeded, 401/403 denied, other 4xx rejected. */
    public static AuditOutcome outcomeOf(int httpStatus) {
        if (httpStatus >= 200 && httpStatus < 400) {
            return AuditOutcome.SUCCEEDED;
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return AuditOutcome.DENIED;
        }
        if (httpStatus >= 400 && httpStatus < 500) {
            return AuditOutcome.REJECTED;
        }
        return AuditOutcome.FAILED;
    }
}
