package dz.libertaphonix.scheduler.reconcile;

/** Why a store's sweep stopped reading. */
public enum SweepEnd {
    /** It reached an order created before the lookback window: the whole window was checked. */
    WINDOW_COVERED(true),
    /** The store's order list ended inside the window: every order was checked. */
    END_OF_LIST(true),
    /** Its request budget ({@code scheduler.reconcile.max-requests-per-store}) was spent first. */
    REQUEST_BUDGET(false),
    /** Its share of the token's shared rate budget had no slot within the configured wait. */
    RATE_BUDGET(false),
    /** The run's deadline passed. */
    DEADLINE(false),
    /** EcoManager, PostgreSQL or Redis failed; see the store's error. */
    FAILED(false),
    /** The run's deadline passed before the store's turn. */
    NOT_STARTED(false);

    private final boolean complete;

    SweepEnd(boolean complete) {
        this.complete = complete;
    }

    /** The whole lookback window was checked. */
    public boolean complete() {
        return complete;
    }
}
