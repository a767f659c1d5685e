package dz.libertaphonix.scheduler.events;

/** A run ended FAILED, or ABANDONED when a dead run was found. */
public record SyncFailed(RunOutcome run) implements RunEvent {

    public static final String DETAIL_TYPE = "SyncFailed";

    public SyncFailed {
        switch (run.status()) {
            case FAILED, ABANDONED -> {}
            default ->
                throw new IllegalArgumentException(DETAIL_TYPE + " is not the event of a " + run.status() + " run");
        }
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
