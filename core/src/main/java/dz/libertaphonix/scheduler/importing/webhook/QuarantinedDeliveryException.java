package dz.libertaphonix.scheduler.importing.webhook;

import dz.libertaphonix.scheduler.common.errors.InvalidInputException;

/** An {@code En dispatch} order delivered in a form the intake cannot import: quarantined, answered 400. */
public class QuarantinedDeliveryException extends InvalidInputException {

    public QuarantinedDeliveryException(long ecomanagerId) {
        super("order " + ecomanagerId + " cannot be imported as delivered; it is quarantined for inspection");
    }
}
