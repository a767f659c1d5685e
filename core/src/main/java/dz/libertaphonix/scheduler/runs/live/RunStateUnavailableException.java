package dz.libertaphonix.scheduler.runs.live;

import dz.libertaphonix.scheduler.common.outage.RedisUnavailableException;

/**
 * Redis, which holds the job locks and live state, could not be reached. Without the lock a run
 * cannot prove it is alone, so it does not start.
 */
public class RunStateUnavailableException extends RedisUnavailableException {

    public RunStateUnavailableException(String doing, Throwable cause) {
        super(doing, cause);
    }
}
