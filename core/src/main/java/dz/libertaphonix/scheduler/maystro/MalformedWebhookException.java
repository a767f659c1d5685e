package dz.libertaphonix.scheduler.maystro;

/** A webhook body that is neither the Pub/Sub-style wrapper nor a readable event. */
public class MalformedWebhookException extends RuntimeException {

    private final String eventType;

    public MalformedWebhookException(String eventType, String message) {
        super(message);
        this.eventType = eventType;
    }

    /** The event type when it could be read, else null. */
    public String eventType() {
        return eventType;
    }
}
