package dz.libertaphonix.scheduler.schedule;

import dz.libertaphonix.scheduler.runs.JobId;
import java.time.ZoneId;

/** A job's schedule as the schedule control sees it: the truth for "is it enabled". */
public record ScheduleState(JobId job, boolean enabled, String cron, ZoneId zone) {}
