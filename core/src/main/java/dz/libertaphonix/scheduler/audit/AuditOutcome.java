package dz.libertaphonix.scheduler.audit;

public enum AuditOutcome {
    SUCCEEDED,
    FAILED,
    /** Refused for lack of rights. */
    DENIED,
    /** Refused as invalid input. */
    REJECTED
}
