package dz.libertaphonix.scheduler.runs;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the scheduler knows of a job besides its work: its names and its place in listings. Every
 * {@link Job} carries one, and the {@link JobCatalog} lists them: the admin API, the status, the
 * dashboard and the job functions read them instead of naming jobs, so a new job is its class and
 * its schedule, nothing else.
 *
 * @param id the stored, logged and routed name ({@code ecomanager-sync})
 * @param legacyName the name in the order system's original API ({@code activeJobs}, trigger answers):
 *     the id with underscores by default ({@code ecomanager_sync})
 * @param displayName what a person reads (the dashboard, {@code GET /jobs}), in English
 * @param position where the job is listed: lower first
 * @param triggerAliases other names {@code POST /trigger/{job}} accepts: the original API's short
 *     paths ({@code ecomanager}); none for a new job
 * @param catchUp what the job does about a missed fire ({@link CatchUp#NEXT_RUN} by default: its next
 *     run continues from its checkpoint)
 */
public record JobDescriptor(
        JobId id, String legacyName, String displayName, int position, List<String> triggerAliases, CatchUp catchUp) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    public JobDescriptor {
        if (id == null) {
            throw new IllegalArgumentException("a job needs an id");
        }
        if (legacyName == null || !NAME.matcher(legacyName).matches()) {
            throw new IllegalArgumentException(id + ": not a legacy name: '" + legacyName + "'");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException(id + ": a job needs a display name");
        }
        triggerAliases = triggerAliases == null ? List.of() : List.copyOf(triggerAliases);
        catchUp = catchUp == null ? CatchUp.NEXT_RUN : catchUp;
        for (String alias : triggerAliases) {
            if (!NAME.matcher(alias).matches()) {
                throw new IllegalArgumentException(id + ": not a trigger alias: '" + alias + "'");
            }
        }
    }

    /** A job that catches up on its next run ({@link CatchUp#NEXT_RUN}). */
    public JobDescriptor(JobId id, String legacyName, String displayName, int position, List<String> triggerAliases) {
        this(id, legacyName, displayName, position, triggerAliases, CatchUp.NEXT_RUN);
    }

    /** A job with the default legacy name and no trigger alias. */
    public static JobDescriptor of(String id, String displayName, int position) {
        return new JobDescriptor(JobId.of(id), id.replace('-', '_'), displayName, position, List.of());
    }

    public JobDescriptor withLegacyName(String name) {
        return new JobDescriptor(id, name, displayName, position, triggerAliases, catchUp);
    }

    public JobDescriptor withTriggerAliases(String... aliases) {
        return new JobDescriptor(id, legacyName, displayName, position, Arrays.asList(aliases), catchUp);
    }

    public JobDescriptor withCatchUp(CatchUp policy) {
        return new JobDescriptor(id, legacyName, displayName, position, triggerAliases, policy);
    }
}
