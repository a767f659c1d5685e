package dz.libertaphonix.scheduler.audit;

public enum AuditOutcome {
    /**
     * Written before the call acted, not completed since: the database went away while the call ran,
     * so whether it took effect must be checked on its target.
     */
    STARTED,
    SUCCEEDED,
    FAILED,
    /** Refused for lack of rights. */
    DENIED,
    /** Refused as invalid input. */
    REJECTED
}
