package dz.libertaphonix.scheduler.common.outage;

/**
 * Redis could not be reached while the scheduler was doing something (taking a lock, a request slot
 * of a rate budget, writing live state). The message says what, in words: {@code Redis unavailable
 * while taking a request slot for store NATU (connection refused)}.
 */
public class RedisUnavailableException extends RuntimeException {

    public RedisUnavailableException(String doing, Throwable cause) {
        super("Redis unavailable while " + doing + Outages.inBrackets(Outages.reason(cause)), cause);
    }
}
