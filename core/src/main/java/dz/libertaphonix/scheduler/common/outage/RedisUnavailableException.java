package dz.libertaphonix.scheduler.common.outage;

import dz.libertaphonix.scheduler.common.errors.UnavailableException;

/**
 * Redis could not be reached while the scheduler was doing something (taking a lock, a request slot
 * of a rate budget, writing live state). The message says what, in words: {@code Redis unavailable
 * while taking a request slot for store NATU (connection refused)}. The admin API answers it 503
 * {@code RUN_STATE_UNAVAILABLE}: what it cannot read is the live run state and the run locks.
 */
public class RedisUnavailableException extends UnavailableException {

    public RedisUnavailableException(String doing, Throwable cause) {
        super("Redis unavailable while " + doing + Outages.inBrackets(Outages.reason(cause)), cause);
    }

    @Override
    public String code() {
        return "RUN_STATE_UNAVAILABLE";
    }

    @Override
    public String advice() {
        return "the live run state (Redis) cannot be read right now; retry shortly";
    }
}
