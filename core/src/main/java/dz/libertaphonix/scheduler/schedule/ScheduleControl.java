package dz.libertaphonix.scheduler.schedule;

import dz.libertaphonix.scheduler.runs.JobId;

/**
 * Port: enable, disable, describe and reschedule a job's schedule. In AWS the adapter drives the
 * job's EventBridge rule; locally it drives the in-process quarkus-scheduler job. Either way the
 * {@code schedules} table records the change.
 */
public interface ScheduleControl {

    void enable(JobId job, String actor);

    void disable(JobId job, String actor);

    ScheduleState describe(JobId job);

    /** Applies a new Quartz cron (Algiers time), already validated, to the live schedule. */
    void reschedule(JobId job, String cron, String actor);
}
