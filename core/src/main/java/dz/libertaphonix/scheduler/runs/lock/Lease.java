package dz.libertaphonix.scheduler.runs.lock;

import dz.libertaphonix.scheduler.runs.JobId;

/** A held lock: the job, its key and the token proving ownership. */
public record Lease(JobId job, String key, String token) {

    public LockHolder holder() {
        return LockHolder.parse(token);
    }
}
