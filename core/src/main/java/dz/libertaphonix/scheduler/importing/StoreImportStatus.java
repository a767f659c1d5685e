package dz.libertaphonix.scheduler.importing;

/** How one store's import ended in a run. */
public enum StoreImportStatus {
    /** Everything new was read and committed. */
    SUCCEEDED,
    /** Stopped early (deadline, page or rate budget) after committing what it could; the next run continues. */
    PARTIAL,
    /** An outage, a malformed answer or an unexpected error stopped it; committed work is kept. */
    FAILED,
    /** EcoManager refused the token (401/403): the store is marked REJECTED and skipped until its token changes. */
    CREDENTIALS_REJECTED,
    /** The run's deadline passed before this store's turn. */
    NOT_STARTED
}
