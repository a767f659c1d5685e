package dz.libertaphonix.scheduler.notifications;

import dz.libertaphonix.scheduler.common.errors.InvalidInputException;
import java.util.Map;

/** A subscription that cannot be used as given: the API answers 400 {@code INVALID_SUBSCRIPTION}. */
public class InvalidSubscriptionException extends InvalidInputException {

    private final String field;

    public InvalidSubscriptionException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("field", field);
    }
}
