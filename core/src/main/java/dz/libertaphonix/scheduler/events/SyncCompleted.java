package dz.libertaphonix.scheduler.events;

/** A run ended SUCCEEDED or PARTIAL. */
public record SyncCompleted(RunOutcome run) implements RunEvent {

    public static final String DETAIL_TYPE = "SyncCompleted";

    public SyncCompleted {
        switch (run.status()) {
            case SUCCEEDED, PARTIAL -> {}
            default ->
                throw new IllegalArgumentException(DETAIL_TYPE + " is not the event of a " + run.status() + " run");
        }
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
