package dz.libertaphonix.scheduler.audit;

import java.time.Instant;

/**
 * Filters of the audit trail; a null field does not filter.
 *
 * @param userId exact user id
 * @param email email, case-insensitive
 * @param action exact action, such as {@code schedule.stop}
 * @param target exact target
 * @param outcome outcome
 * @param from occurred at or after
 * @param to occurred before
 */
public record AuditQuery(
        String userId, String email, String action, String target, AuditOutcome outcome, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }
}
