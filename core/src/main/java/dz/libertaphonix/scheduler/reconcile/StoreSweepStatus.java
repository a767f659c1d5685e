package dz.libertaphonix.scheduler.reconcile;

/** How one store's sweep ended. */
public enum StoreSweepStatus {
    /** The whole window was checked and every missing order taken in. */
    SUCCEEDED,
    /** It stopped early (request or rate budget, deadline): what it found is taken in, the rest is not checked. */
    PARTIAL,
    /** EcoManager or the database failed; what it found before is taken in. */
    FAILED,
    /** The deadline passed before its turn. */
    NOT_STARTED
}
