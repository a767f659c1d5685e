package dz.libertaphonix.scheduler.notifications.delivery;

/**
 * How one POST to a receiver went.
 *
 * @param httpStatus the receiver's status, or null when it never answered (timeout, unreachable)
 * @param error why it failed, in words; null when delivered
 * @param retryable whether another attempt may succeed (timeouts, connection failures, 408, 429, 5xx)
 */
public record Attempt(Integer httpStatus, String error, boolean retryable, long durationMillis) {

    public boolean delivered() {
        return error == null;
    }
}
