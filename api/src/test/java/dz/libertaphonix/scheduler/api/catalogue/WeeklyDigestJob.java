package dz.libertaphonix.scheduler.api.catalogue;

import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;

/**
 * A fourth job that exists only in these tests, written as a new job is: its class with its
 * descriptor, and its schedules row in a migration ({@code db/test-jobs}). Nothing else names it.
 * Selected by {@link FourthJobProfile} only, so every other api test sees the three real jobs.
 */
@Alternative
@ApplicationScoped
public class WeeklyDigestJob implements Job {

    public static final JobDescriptor DESCRIPTOR =
            JobDescriptor.of("weekly-digest", "Weekly digest", 40).withTriggerAliases("digest");

    @Override
    public JobDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JobResult execute(JobContext context) {
        context.progress("digests", 1, 1);
        return JobResult.succeeded(Map.of("digests", 1L), Map.of("sentTo", "operations"));
    }
}
