package dz.libertaphonix.scheduler.cleanup;

import dz.libertaphonix.scheduler.runs.CatchUp;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.Job;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.missed.MissedRunDetector;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The nightly cleanup ({@code daily-cleanup}): deletes activity logs, finished runs and audit events
 * past their retention, sweeps orphaned scheduler keys out of Redis, and analyses (and vacuums) the
 * tables the jobs write. It never deletes or changes orders, customers, agents or stores.
 *
 * <p>Ends PARTIAL when the deadline stopped it (the next night continues) or a table could not be
 * maintained.
 */
@ApplicationScoped
public class DailyCleanupJob implements Job {

    private static final Logger LOG = Logger.getLogger(DailyCleanupJob.class);

    /** {@code /trigger/cleanup} is the original API's path. */
    public static final JobDescriptor DESCRIPTOR = JobDescriptor.of("daily-cleanup", "Daily cleanup", 30)
            .withTriggerAliases("cleanup")
            .withCatchUp(CatchUp.ONCE_PER_MISSED_NIGHT);

    public static final JobId ID = DESCRIPTOR.id();

    private final CleanupConfig config;
    private final RetentionPurger purger;
    private final RedisKeySweeper sweeper;
    private final TableMaintenance maintenance;
    private final MissedRunDetector missed;

    public DailyCleanupJob(
            CleanupConfig config,
            RetentionPurger purger,
            RedisKeySweeper sweeper,
            TableMaintenance maintenance,
            MissedRunDetector missed) {
        this.config = config;
        this.purger = purger;
        this.sweeper = sweeper;
        this.maintenance = maintenance;
        this.missed = missed;
    }

    @Override
    public JobDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JobResult execute(JobContext context) throws Exception {
        Instant now = context.clock().instant();
        List<CleanupReport.Purge> purges = new ArrayList<>();
        for (RetentionPurger.Rule rule : RetentionPurger.Rule.values()) {
            if (context.deadlineReached()) {
                break;
            }
            purges.add(purger.purge(rule, now.minus(retention(rule)), config.batchSize(), context));
            context.progress("purges", purges.size(), RetentionPurger.Rule.values().length);
        }
        List<CleanupReport.KeySweep> keys =
                context.deadlineReached() ? List.of() : sweeper.sweep(config.redisScanCount(), context);
        List<CleanupReport.Maintenance> tables = context.deadlineReached()
                ? List.of()
                : maintenance.maintain(config.maintainedTables(), config.vacuum(), context);

        Map<String, Long> counts = new LinkedHashMap<>();
        for (CleanupReport.Purge purge : purges) {
            counts.merge(purge.table(), purge.deleted(), Long::sum);
        }
        counts.put(
                "redis_keys",
                keys.stream().mapToLong(k -> k.withoutTtl() + k.orphaned()).sum());
        counts.put(
                "tables_maintained",
                tables.stream().filter(t -> t.error() == null).count());
        if (!context.dryRun()) {
            // the night's own look for missed fires, beside the one every run's end makes
            counts.put("missed_fires", missedFires());
        }

        boolean stoppedEarly = purges.size() < RetentionPurger.Rule.values().length
                || purges.stream().anyMatch(p -> !p.complete())
                || tables.size() < config.maintainedTables().size();
        List<String> failedTables = tables.stream()
                .filter(t -> t.error() != null)
                .map(CleanupReport.Maintenance::table)
                .toList();
        CleanupReport report = new CleanupReport(purges, keys, tables);
        if (!stoppedEarly && failedTables.isEmpty()) {
            return JobResult.succeeded(counts, report);
        }
        String message = stoppedEarly
                ? "stopped at the deadline; the next run continues"
                : "maintenance failed on " + String.join(", ", failedTables);
        return new JobResult(JobRunStatus.PARTIAL, counts, report, message);
    }

    private long missedFires() {
        try {
            return missed.detect().stream()
                    .mapToLong(found -> found.newlyMissed().size())
                    .sum();
        } catch (RuntimeException e) {
            LOG.warnf("missed fires not looked for: %s", ErrorSummary.oneLine(e));
            return 0;
        }
    }

    private Duration retention(RetentionPurger.Rule rule) {
        return switch (rule) {
            case ACTIVITY_LOGS -> config.activityLogRetention();
            case FINISHED_RUNS -> config.runRetention();
            case FAILED_RUNS -> config.failedRunRetention();
            case AUDIT_EVENTS -> config.auditRetention();
            case INBOUND_EVENTS -> config.inboundEventRetention();
        };
    }
}
