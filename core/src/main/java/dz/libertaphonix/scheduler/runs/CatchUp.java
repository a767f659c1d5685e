package dz.libertaphonix.scheduler.runs;

/**
 * What a job does about a missed fire (a fire time of its schedule with no run near it). Never a
 * burst: at most one extra run, whatever the number of fires missed.
 */
public enum CatchUp {
    /**
     * No extra run: the job's next run continues from its own cursor or checkpoint and so takes in
     * what the missed fires would have (the EcoManager import, the nightly reconcile sweep).
     */
    NEXT_RUN,
    /**
     * One CATCH_UP run at once when the job's latest fire was missed (the Maystro status sync: a
     * customer waiting on a status should not wait for the next fire).
     */
    ONCE_NOW,
    /**
     * One CATCH_UP run for a missed night: when the latest nightly fire was missed, one run as soon as
     * it is seen; several nights missed in a row still make one run, which purges everything past
     * retention at once (the cleanup).
     */
    ONCE_PER_MISSED_NIGHT
}
