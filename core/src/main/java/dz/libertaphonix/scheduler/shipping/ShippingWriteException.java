package dz.libertaphonix.scheduler.shipping;

/**
 * A batch of shipping changes could not be written. The batch's transaction is rolled back whole;
 * batches committed before it stay, and the next run decides the rest again.
 */
public class ShippingWriteException extends RuntimeException {

    public ShippingWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
