package dz.libertaphonix.scheduler.cleanup;

import dz.libertaphonix.scheduler.runs.DryRunReport;
import dz.libertaphonix.scheduler.runs.JobContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deletes rows past their retention in bounded batches (a dry run counts them and names the first
 * ones instead): each batch is one statement in its own short
 * transaction, so no lock is held for long and a deadline stops the purge between two batches.
 */
@ApplicationScoped
public class RetentionPurger {

    /** A retention rule: a table, a name for the report, and a statement deleting one batch. */
    public enum Rule {
        ACTIVITY_LOGS(
                "activity_logs",
                "entries",
                "activity_logs.delete",
                "select id from activity_logs where occurred_at < :cutoff order by occurred_at"),
        /*
         * A run still named by an order as its last change is kept: the cleanup never modifies an order,
         * and deleting the run would null the order's last_run_id.
         */
        FINISHED_RUNS(
                "job_runs",
                "finished runs",
                "job_runs.delete.finished",
                "select r.id from job_runs r where r.started_at < :cutoff"
                        + " and r.status in ('SUCCEEDED', 'PARTIAL', 'SKIPPED', 'ABANDONED')"
                        + " and not exists (select 1 from orders o where o.last_run_id = r.id)"
                        + " order by r.started_at"),
        FAILED_RUNS(
                "job_runs",
                "failed runs",
                "job_runs.delete.failed",
                "select r.id from job_runs r where r.started_at < :cutoff"
                        + " and r.status = 'FAILED'"
                        + " and not exists (select 1 from orders o where o.last_run_id = r.id)"
                        + " order by r.started_at"),
        AUDIT_EVENTS(
                "audit_events",
                "events",
                "audit_events.delete",
                "select id from audit_events where occurred_at < :cutoff order by occurred_at"),
        /* every accepted EcoManager delivery is a row (issue 13), Maystro's kept ones too */
        INBOUND_EVENTS(
                "inbound_events",
                "webhook deliveries",
                "inbound_events.delete",
                "select id from inbound_events where received_at < :cutoff order by received_at");

        private final String table;
        private final String description;
        private final String dryRunKind;
        /** The rows past retention, oldest first: what a batch deletes the head of, what a dry run counts. */
        private final String candidates;

        Rule(String table, String description, String dryRunKind, String candidates) {
            this.table = table;
            this.description = description;
            this.dryRunKind = dryRunKind;
            this.candidates = candidates;
        }

        public String table() {
            return table;
        }

        /** The kind of write a dry run reports for this rule ({@code job_runs.delete.finished}). */
        public String dryRunKind() {
            return dryRunKind;
        }

        String deleteBatch() {
            return "delete from " + table + " where id in (" + candidates + " limit :batch)";
        }
    }

    private final EntityManager entityManager;

    public RetentionPurger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Deletes the rule's rows older than {@code cutoff}, batch by batch, until none is left or the deadline. */
    public CleanupReport.Purge purge(Rule rule, Instant cutoff, int batchSize, JobContext context) {
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        if (context.dryRun()) {
            return wouldPurge(rule, before, cutoff, context);
        }
        long deleted = 0;
        int batches = 0;
        boolean complete = false;
        while (!context.deadlineReached()) {
            int count = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery(rule.deleteBatch())
                    .setParameter("cutoff", before)
                    .setParameter("batch", batchSize)
                    .executeUpdate());
            batches++;
            deleted += count;
            if (count < batchSize) {
                complete = true;
                break;
            }
        }
        return new CleanupReport.Purge(rule.table, rule.description, cutoff.toString(), deleted, batches, complete);
    }

    /** A dry run's purge: the rows the rule would delete, counted, and the first ids; nothing deleted. */
    private CleanupReport.Purge wouldPurge(Rule rule, OffsetDateTime before, Instant cutoff, JobContext context) {
        long count = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("select count(*) from (" + rule.candidates + ") c")
                        .setParameter("cutoff", before)
                        .getSingleResult())
                .longValue());
        List<?> ids = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery(rule.candidates + " limit " + DryRunReport.SAMPLES)
                .setParameter("cutoff", before)
                .getResultList());
        context.wouldDo()
                .would(rule.dryRunKind, count, ids.stream().map(String::valueOf).toList());
        return new CleanupReport.Purge(rule.table, rule.description, cutoff.toString(), count, 0, true);
    }
}
