package dz.libertaphonix.scheduler.runs;

/** What started a run. */
public enum RunTrigger {
    /** The job's schedule fired (EventBridge rule or the in-process scheduler). */
    SCHEDULED,
    /** Someone asked for a run now (admin API or the application's SyncRequested event). */
    MANUAL,
    /** Lambda re-delivered the event of a run that failed. */
    RETRY,
    /** A run started to make up for a missed schedule. */
    CATCH_UP,
    /**
     * A run that reads upstream as a real run would and reports what it would write, writing nothing
     * but its own ledger row ({@link JobContext#dryRun()}).
     */
    DRY_RUN
}
